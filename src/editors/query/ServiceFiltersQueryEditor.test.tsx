import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { choose } from '../testing/combobox';
import { fakeEditorDataSource } from '../testing/editorDataSource';
import { installComboboxStubs } from '../testing/jsdom';
import { ServiceFiltersQueryEditor } from './ServiceFiltersQueryEditor';

jest.setTimeout(60000);
beforeAll(installComboboxStubs);

describe('ServiceFiltersQueryEditor', () => {
  it('filters by service and team only (findings are about services)', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup({ delay: null });
    const query = { refId: 'Q', kind: 'dataQuality' as const };
    render(
      <ServiceFiltersQueryEditor
        query={query}
        onChange={onChange}
        datasource={fakeEditorDataSource({ services: ['checkout', 'ledger'] })}
      />
    );
    expect(screen.queryByRole('combobox', { name: /^Environments/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /^Repositories/ })).not.toBeInTheDocument();
    await choose(user, /^Services/, 'ledger');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, filters: { services: ['ledger'] } });
  });
});

describe('ServiceFiltersQueryEditor on an on-call query', () => {
  it('filters who is on call by team', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup({ delay: null });
    const query = { refId: 'O', kind: 'onCall' as const };
    render(
      <ServiceFiltersQueryEditor
        query={query}
        onChange={onChange}
        datasource={fakeEditorDataSource({ teams: ['platform', 'storefront'] })}
      />
    );
    await choose(user, /^Teams/, 'storefront');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, filters: { teams: ['storefront'] } });
  });
});
