import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MetricQuery } from '../../query/model';
import { choose, typeCustom } from '../testing/combobox';
import { fakeEditorDataSource } from '../testing/editorDataSource';
import { installComboboxStubs } from '../testing/jsdom';
import { MetricQueryEditor } from './MetricQueryEditor';

// Rendering Grafana UI in jsdom is slow on a busy machine; this is a budget, not a timing assertion.
jest.setTimeout(60000);
beforeAll(installComboboxStubs);

const base: MetricQuery = {
  refId: 'A',
  kind: 'metric',
  metric: 'deploymentCount',
  aggregation: 'median',
  interval: 'auto',
  groupBy: 'none',
};

function setup(query: MetricQuery, datasource = fakeEditorDataSource()) {
  const onChange = jest.fn();
  const user = userEvent.setup({ delay: null });
  const view = render(<MetricQueryEditor query={query} onChange={onChange} datasource={datasource} />);
  return { onChange, user, datasource, view };
}

describe('MetricQueryEditor', () => {
  it('changes the metric, aggregation, interval and group by', async () => {
    const { onChange, user, view } = setup(base);
    await choose(user, 'Metric', 'Change lead time');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, metric: 'leadTime' });
    const leadTime = { ...base, metric: 'leadTime' as const };
    view.rerender(<MetricQueryEditor query={leadTime} onChange={onChange} datasource={fakeEditorDataSource()} />);
    await choose(user, 'Aggregation', 'p90');
    expect(onChange).toHaveBeenLastCalledWith({ ...leadTime, aggregation: 'p90' });
    await choose(user, 'Interval', 'Week');
    expect(onChange).toHaveBeenLastCalledWith({ ...leadTime, interval: 'week' });
    await choose(user, 'Group by', 'Team');
    expect(onChange).toHaveBeenLastCalledWith({ ...leadTime, groupBy: 'team' });
  });

  it('groups time to restore by severity and lead time by label', async () => {
    const restore: MetricQuery = { ...base, metric: 'timeToRestore' };
    const { onChange, user, view } = setup(restore);
    await choose(user, 'Group by', 'Severity');
    expect(onChange).toHaveBeenLastCalledWith({ ...restore, groupBy: 'severity' });
    const leadTime: MetricQuery = { ...base, metric: 'leadTime' };
    view.rerender(<MetricQueryEditor query={leadTime} onChange={onChange} datasource={fakeEditorDataSource()} />);
    await choose(user, 'Group by', 'Label');
    expect(onChange).toHaveBeenLastCalledWith({ ...leadTime, groupBy: 'label' });
    expect(screen.queryByText(/Grouped by/)).not.toBeInTheDocument();
    // Deployments have no severity: the editor says so before the panel shows an empty series with the same note.
    const bySeverity: MetricQuery = { ...base, groupBy: 'severity' };
    view.rerender(<MetricQueryEditor query={bySeverity} onChange={onChange} datasource={fakeEditorDataSource()} />);
    expect(screen.getByText(/^Grouped by severity, but this metric counts items without one/)).toBeInTheDocument();
  });

  it('offers the lead time start for lead time only, and drops it when the metric changes', async () => {
    const { user, onChange, view } = setup(base);
    expect(screen.queryByRole('combobox', { name: /Lead time from/ })).not.toBeInTheDocument();
    const leadTime: MetricQuery = { ...base, metric: 'leadTime' };
    view.rerender(<MetricQueryEditor query={leadTime} onChange={onChange} datasource={fakeEditorDataSource()} />);
    await choose(user, /Lead time from/, 'First commit of PR');
    expect(onChange).toHaveBeenLastCalledWith({ ...leadTime, leadTimeStart: 'prFirstCommit' });
    const withStart: MetricQuery = { ...leadTime, leadTimeStart: 'prFirstCommit' };
    view.rerender(<MetricQueryEditor query={withStart} onChange={onChange} datasource={fakeEditorDataSource()} />);
    await choose(user, 'Metric', 'Change fail rate');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, metric: 'changeFailRate' });
  });

  it('shows a template variable metric as typed, keeping its lead time start editable', () => {
    setup({ ...base, metric: '$metric' as MetricQuery['metric'] });
    expect(screen.getByRole('combobox', { name: 'Metric' })).toHaveValue('$metric');
    // A variable might be lead time: its start stays editable.
    expect(screen.getByRole('combobox', { name: /Lead time from/ })).toBeInTheDocument();
  });

  it('filters by services the data source lists and by dashboard variables', async () => {
    const datasource = fakeEditorDataSource({ services: ['checkout', 'search'], teams: ['storefront'] });
    const { user, onChange, view } = setup(base, datasource);
    await choose(user, /^Services/, 'search');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, filters: { services: ['search'] } });
    expect(datasource.asked).toContainEqual(expect.objectContaining({ values: 'services' }));

    const filtered: MetricQuery = { ...base, filters: { services: ['search'] } };
    view.rerender(<MetricQueryEditor query={filtered} onChange={onChange} datasource={datasource} />);
    await choose(user, /^Teams/, '$team');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, filters: { services: ['search'], teams: ['$team'] } });
  });

  it('filters incidents by severity, and changes and incidents by label, typed or a variable', async () => {
    const { user, onChange, view } = setup(base, fakeEditorDataSource({}, ['$severity']));
    await typeCustom(user, /^Severities/, 'sev1');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, filters: { severities: ['sev1'] } });
    const bySeverity: MetricQuery = { ...base, filters: { severities: ['sev1'] } };
    view.rerender(<MetricQueryEditor query={bySeverity} onChange={onChange} datasource={fakeEditorDataSource()} />);
    await typeCustom(user, /^Labels/, 'security');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, filters: { severities: ['sev1'], labels: ['security'] } });
  });

  it('accepts a typed variable that the list does not offer', async () => {
    const { user, onChange } = setup(base, fakeEditorDataSource({}, []));
    await typeCustom(user, /^Environments/, '$env');
    expect(onChange).toHaveBeenLastCalledWith({ ...base, filters: { environments: ['$env'] } });
  });
});
