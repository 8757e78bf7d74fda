import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSource } from '../datasource/DataSource';
import { DoraQuery, MetricQuery } from '../query/model';
import { QueryEditor } from './QueryEditor';
import { choose } from './testing/combobox';
import { fakeEditorDataSource } from './testing/editorDataSource';
import { installComboboxStubs } from './testing/jsdom';

// Rendering Grafana UI in jsdom is slow on a busy machine; this is a budget, not a timing assertion.
jest.setTimeout(60000);
beforeAll(installComboboxStubs);

function setup(query: DoraQuery, settingsProblems: string[] = []) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const user = userEvent.setup({ delay: null });
  const datasource = fakeEditorDataSource({}, ['$team'], settingsProblems) as unknown as DataSource;
  render(<QueryEditor datasource={datasource} query={query} onChange={onChange} onRunQuery={onRunQuery} />);
  return { onChange, onRunQuery, user };
}

const metricQuery: MetricQuery = {
  refId: 'A',
  kind: 'metric',
  metric: 'deploymentCount',
  aggregation: 'median',
  interval: 'auto',
  groupBy: 'none',
};

describe('QueryEditor', () => {
  it('edits the metric of a metric query and runs it', async () => {
    const { onChange, onRunQuery, user } = setup(metricQuery);
    await choose(user, 'Metric', 'Change lead time');
    expect(onChange).toHaveBeenLastCalledWith({ ...metricQuery, metric: 'leadTime' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it("switches the kind, keeping refId and group by, and shows that kind's editor", async () => {
    const { onChange, onRunQuery, user } = setup({ ...metricQuery, groupBy: 'team' });
    await user.click(screen.getByRole('radio', { name: 'Scorecard' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', kind: 'scorecard', groupBy: 'team' });
    expect(onRunQuery).toHaveBeenCalled();
  });

  it.each([
    ['scorecard', { refId: 'S', kind: 'scorecard' }, ['Group by', /Lead time from/, /^Teams/], ['Metric']],
    ['events', { refId: 'E', kind: 'events', entity: 'deployments' }, [/^Services/], ['Metric', 'Group by']],
    ['data quality', { refId: 'Q', kind: 'dataQuality' }, [/^Services/, /^Teams/], ['Metric', /^Environments/]],
  ] as Array<[string, DoraQuery, Array<string | RegExp>, Array<string | RegExp>]>)(
    'dispatches a %s query to its own editor',
    (_kind, query, shown, hidden) => {
      setup(query);
      for (const name of shown) {
        expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
      }
      for (const name of hidden) {
        expect(screen.queryByRole('combobox', { name })).not.toBeInTheDocument();
      }
    }
  );

  it('shows why a query cannot run, as the data source would report it', () => {
    setup({ ...metricQuery, metric: 'leadtime' as MetricQuery['metric'] });
    expect(screen.getByText('This query cannot run')).toBeInTheDocument();
    expect(screen.getByText(/metric "leadtime" is not known\. Use one of: deploymentCount/)).toBeInTheDocument();
  });

  it('leaves a field set to a variable to the dashboard', () => {
    setup({ ...metricQuery, metric: '$metric' as MetricQuery['metric'] });
    expect(screen.queryByText('This query cannot run')).not.toBeInTheDocument();
  });

  it('shows the problems of the data source settings', async () => {
    setup(metricQuery, ['Service catalog, line 4: Unknown service key "owner". Fix it in the data source settings.']);
    expect(await screen.findByText('The data source settings need attention')).toBeInTheDocument();
    expect(screen.getByText(/line 4: Unknown service key "owner"/)).toBeInTheDocument();
  });
});
