import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSource } from '../datasource/DataSource';
import { interpolateQuery } from '../datasource/interpolate';
import { fakeTemplateSrv } from '../datasource/testing';
import { validateQuery } from '../query/validate';
import { DoraQuery } from '../query/model';
import { EXAMPLES, QueryHelp } from './QueryHelp';

jest.setTimeout(60000);

describe('QueryHelp', () => {
  it("replaces the query with a clicked example, keeping the row's refId", async () => {
    const onClickExample = jest.fn();
    const user = userEvent.setup({ delay: null });
    render(
      <QueryHelp
        datasource={{} as DataSource}
        query={{ refId: 'C', kind: 'dataQuality' }}
        onClickExample={onClickExample}
      />
    );
    await user.click(screen.getByRole('button', { name: 'Use example: Failed deployments' }));
    expect(onClickExample).toHaveBeenLastCalledWith({
      refId: 'C',
      kind: 'events',
      entity: 'deployments',
      outcome: 'failed',
    });
    expect(screen.getAllByRole('button')).toHaveLength(Object.values(EXAMPLES).flat().length);
  });

  it('has examples of every kind, each a valid query once the dashboard variables are set', () => {
    const templateSrv = fakeTemplateSrv({ team: { value: 'storefront' }, service: { value: ['checkout', 'search'] } });
    for (const [kind, examples] of Object.entries(EXAMPLES)) {
      expect([kind, examples.length > 0]).toEqual([kind, true]);
      for (const example of examples) {
        expect(example.query.kind).toBe(kind);
        const query = interpolateQuery({ ...example.query, refId: 'A' } as DoraQuery, {}, templateSrv);
        const result = validateQuery(query);
        expect([example.title, result.ok ? 'ok' : result.message]).toEqual([example.title, 'ok']);
      }
    }
  });
});
