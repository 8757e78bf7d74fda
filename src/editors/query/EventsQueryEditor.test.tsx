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
  render(<EventsQueryEditor query={query} onChange={onChange} datasource={fakeEditorDataSource()} />);
  return { onChange, user };
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

  it('goes back to all outcomes', async () => {
    const { onChange, user } = setup({ ...deployments, outcome: 'failed' });
    await user.click(screen.getByRole('radio', { name: 'All' }));
    expect(onChange).toHaveBeenLastCalledWith(deployments);
  });
});
