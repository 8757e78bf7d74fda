// The lazily loaded editors render the real editor once its chunk has loaded.
import React from 'react';
import { render, screen } from '@testing-library/react';
import { QueryHelp } from './lazy';
import { DoraQuery } from '../query/model';

describe('lazy editors', () => {
  it('show a loading line, then the editor itself', async () => {
    const query: DoraQuery = { refId: 'A', kind: 'metric', metric: 'deploymentCount' };
    render(<QueryHelp query={query} onClickExample={() => {}} datasource={undefined as never} />);
    expect(screen.getByText(/Loading/)).toBeInTheDocument();
    expect(await screen.findByText('DORA Metrics queries')).toBeInTheDocument();
  });
});
