import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EventsQuery } from '../../query/model';
import { fakeEditorDataSource } from '../testing/editorDataSource';
import { installComboboxStubs } from '../testing/jsdom';
import { EventsQueryEditor } from './EventsQueryEditor';

jest.setTimeout(60000);
beforeAll(installComboboxStubs);

function setup(query: EventsQuery) {
  const onChange = jest.fn();
  const user = userEvent.setup({ delay: null });
  const { unmount } = render(
    <EventsQueryEditor query={query} onChange={onChange} datasource={fakeEditorDataSource()} />
  );
  return { onChange, user, unmount };
}

describe('EventsQueryEditor', () => {
  const deployments: EventsQuery = { refId: 'B', kind: 'events', entity: 'deployments' };

  it('picks an outcome and the annotation format for deployments', async () => {
    const { onChange, user } = setup(deployments);
    await user.click(screen.getByRole('radio', { name: 'Rollback' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...deployments, outcome: 'rollback' });
    await user.click(screen.getByRole('radio', { name: 'Annotations' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...deployments, format: 'annotations' });
  });

  it('drops the outcome when listing incidents, and the format when listing changes', async () => {
    const { onChange, user } = setup({ ...deployments, outcome: 'failed', format: 'annotations' });
    await user.click(screen.getByRole('radio', { name: 'Incidents' }));
    expect(onChange).toHaveBeenLastCalledWith({
      refId: 'B',
      kind: 'events',
      entity: 'incidents',
      format: 'annotations',
    });
    await user.click(screen.getByRole('radio', { name: 'Changes' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'B', kind: 'events', entity: 'changes' });
  });

  it('shows neither outcome nor format for changes', () => {
    setup({ refId: 'B', kind: 'events', entity: 'changes' });
    expect(screen.queryByRole('radio', { name: 'Rollback' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Annotations' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Repositories/ })).toBeInTheDocument();
  });

  it('lists pipeline runs as a table only: the outcome and the annotation format go', async () => {
    const { onChange, user } = setup({ ...deployments, outcome: 'failed', format: 'annotations' });
    await user.click(screen.getByRole('radio', { name: 'Pipeline runs' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'B', kind: 'events', entity: 'pipelineRuns' });
  });

  it('shows neither outcome nor format for pipeline runs, and the filters', () => {
    setup({ refId: 'B', kind: 'events', entity: 'pipelineRuns' });
    expect(screen.getByRole('radio', { name: 'Pipeline runs' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Rollback' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Annotations' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Repositories/ })).toBeInTheDocument();
  });

  it('offers the severity and label filters for incidents and changes, not for pipeline runs', () => {
    const { unmount } = setup({ refId: 'B', kind: 'events', entity: 'incidents' });
    expect(screen.getByRole('combobox', { name: /^Severities/ })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Labels/ })).toBeInTheDocument();
    unmount();
    setup({ refId: 'B', kind: 'events', entity: 'pipelineRuns' });
    expect(screen.getByRole('combobox', { name: /^Services/ })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /^Severities/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /^Labels/ })).not.toBeInTheDocument();
  });

  it('drops the severity and label filters when switching to pipeline runs, and keeps the others', async () => {
    const { onChange, user } = setup({
      refId: 'B',
      kind: 'events',
      entity: 'incidents',
      filters: { teams: ['$team'], severities: ['sev1'], labels: ['security'] },
    });
    await user.click(screen.getByRole('radio', { name: 'Pipeline runs' }));
    expect(onChange).toHaveBeenLastCalledWith({
      refId: 'B',
      kind: 'events',
      entity: 'pipelineRuns',
      filters: { teams: ['$team'] },
    });
  });

  it('drops the filters altogether when only severities and labels were set', async () => {
    const { onChange, user } = setup({ ...deployments, filters: { severities: ['sev1'], labels: ['security'] } });
    await user.click(screen.getByRole('radio', { name: 'Pipeline runs' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'B', kind: 'events', entity: 'pipelineRuns' });
  });

  it('goes back to all outcomes', async () => {
    const { onChange, user } = setup({ ...deployments, outcome: 'failed' });
    await user.click(screen.getByRole('radio', { name: 'All' }));
    expect(onChange).toHaveBeenLastCalledWith(deployments);
  });
});
