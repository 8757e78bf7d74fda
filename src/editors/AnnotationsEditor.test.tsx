import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoraQuery } from '../query/model';
import { annotationTargetOf, AnnotationsEditor } from './AnnotationsEditor';
import { choose } from './testing/combobox';
import { fakeEditorDataSource } from './testing/editorDataSource';
import { installComboboxStubs } from './testing/jsdom';

jest.setTimeout(60000);
beforeAll(installComboboxStubs);

function setup(query: DoraQuery) {
  const onChange = jest.fn();
  const user = userEvent.setup({ delay: null });
  render(
    <AnnotationsEditor
      datasource={fakeEditorDataSource({ services: ['checkout'] }, ['$team'])}
      query={query}
      onChange={onChange}
      onRunQuery={() => {}}
    />
  );
  return { onChange, user };
}

describe('AnnotationsEditor', () => {
  const target: DoraQuery = { refId: 'Anno', kind: 'events', entity: 'deployments' };

  it('annotates failed deployments of a team', async () => {
    const { onChange, user } = setup(target);
    await user.click(screen.getByRole('radio', { name: 'Failed' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...target, outcome: 'failed' });
    await choose(user, /^Teams/, '$team');
    expect(onChange).toHaveBeenLastCalledWith({ ...target, filters: { teams: ['$team'] } });
  });

  it('switches to incidents, dropping the outcome', async () => {
    const { onChange, user } = setup({ ...target, outcome: 'rollback' } as DoraQuery);
    await user.click(screen.getByRole('radio', { name: 'Incidents' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'Anno', kind: 'events', entity: 'incidents' });
    expect(screen.getByText(/one query per outcome/)).toBeInTheDocument();
  });

  it('starts over with deployments for a target that cannot annotate, keeping its filters', () => {
    expect(
      annotationTargetOf({ refId: 'A', kind: 'metric', metric: 'leadTime', filters: { teams: ['data'] } })
    ).toEqual({ refId: 'A', kind: 'events', entity: 'deployments', filters: { teams: ['data'] } });
    expect(annotationTargetOf(undefined)).toEqual({ refId: 'Anno', kind: 'events', entity: 'deployments' });
  });
});
