import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSource } from '../datasource/DataSource';
import { DoraVariableQuery, variableQueryOf } from '../query/variableQuery';
import { choose } from './testing/combobox';
import { fakeEditorDataSource } from './testing/editorDataSource';
import { installComboboxStubs } from './testing/jsdom';
import { VariableQueryEditor } from './VariableQueryEditor';

jest.setTimeout(60000);
beforeAll(installComboboxStubs);

function setup(query: unknown) {
  const onChange = jest.fn();
  const user = userEvent.setup({ delay: null });
  const datasource = fakeEditorDataSource({ teams: ['data', 'storefront'] }, ['$team']) as unknown as DataSource;
  render(
    <VariableQueryEditor
      datasource={datasource}
      query={query as DoraVariableQuery}
      onChange={onChange}
      onRunQuery={() => {}}
    />
  );
  return { onChange, user };
}

describe('VariableQueryEditor', () => {
  it('picks what the variable lists', async () => {
    const { onChange, user } = setup({ refId: 'service', values: 'services' });
    await user.click(screen.getByRole('radio', { name: 'Repositories' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'service', values: 'repositories' });
  });

  it('narrows the services to teams, e.g. the $team variable', async () => {
    const { onChange, user } = setup({ refId: 'service', values: 'services' });
    await choose(user, /^Teams/, '$team');
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'service', values: 'services', filters: { teams: ['$team'] } });
  });

  it('has no team filter for a team variable, and drops it when switching to teams', async () => {
    const { onChange, user } = setup({ refId: 'v', values: 'services', filters: { teams: ['data'] } });
    await user.click(screen.getByRole('radio', { name: 'Teams' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'v', values: 'teams' });
  });

  it('starts a new variable (no query, or an old string query) as a list of services', () => {
    expect(variableQueryOf(undefined)).toEqual({ refId: 'variable', values: 'services' });
    expect(variableQueryOf('')).toEqual({ refId: 'variable', values: 'services' });
    expect(variableQueryOf({ refId: 'x', values: 'teams' })).toEqual({ refId: 'x', values: 'teams' });
    setup(undefined);
    expect(screen.getByRole('radio', { name: 'Services' })).toBeChecked();
  });
});
