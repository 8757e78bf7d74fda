// The lazily loaded editors render the real editor once its chunk has loaded.
import React from 'react';
import { render, screen } from '@testing-library/react';
import { QueryHelp } from './lazy';
import { DoraQuery } from '../query/model';

/** How long the editor's chunk may take to load. */
const LOAD_WAIT_MS = 30_000;

describe('lazy editors', () => {
  it('show a loading line, then the editor itself', async () => {
    const query: DoraQuery = { refId: 'A', kind: 'metric', metric: 'deploymentCount' };
    render(<QueryHelp query={query} onClickExample={() => {}} datasource={undefined as never} />);
    expect(screen.getByText(/Loading/)).toBeInTheDocument();
    // The chunk is the editor's whole module tree, transformed on first import: on a cold cache or a busy machine
    // that takes longer than findByText's default second, so it waits as long as the test may run.
    expect(await screen.findByText('DORA Metrics queries', {}, { timeout: LOAD_WAIT_MS })).toBeInTheDocument();
  }, LOAD_WAIT_MS + 5_000);
});
