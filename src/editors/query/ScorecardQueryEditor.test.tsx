import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScorecardQuery } from '../../query/model';
import { choose } from '../testing/combobox';
import { fakeEditorDataSource } from '../testing/editorDataSource';
import { installComboboxStubs } from '../testing/jsdom';
import { ScorecardQueryEditor } from './ScorecardQueryEditor';

jest.setTimeout(60000);
beforeAll(installComboboxStubs);

describe('ScorecardQueryEditor', () => {
  const query: ScorecardQuery = { refId: 'S', kind: 'scorecard', groupBy: 'service' };

  it('changes the group by, the lead time start and the team filter', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup({ delay: null });
    const datasource = fakeEditorDataSource({ teams: ['data', 'storefront'] });
    render(<ScorecardQueryEditor query={query} onChange={onChange} datasource={datasource} />);
    await choose(user, 'Group by', 'Team');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, groupBy: 'team' });
    await choose(user, /Lead time from/, 'PR merged');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, leadTimeStart: 'prMerged' });
    await choose(user, /^Teams/, 'storefront');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, filters: { teams: ['storefront'] } });
  });

  it('does not offer severity or label (a scorecard row has deployments, which have neither)', async () => {
    const user = userEvent.setup({ delay: null });
    render(<ScorecardQueryEditor query={query} onChange={jest.fn()} datasource={fakeEditorDataSource({})} />);
    await user.click(screen.getByRole('combobox', { name: 'Group by' }));
    const names = (await screen.findAllByRole('option')).map((o) => o.textContent ?? '');
    expect(names.some((n) => n.startsWith('Team'))).toBe(true);
    expect(names.filter((n) => /^(Severity|Label)/.test(n))).toEqual([]);
  });
});
