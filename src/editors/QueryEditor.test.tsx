import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoraQuery, MetricQuery } from '../types/query';
import { QueryEditor, switchKind } from './QueryEditor';
import type { DataSource } from '../datasource';

// Combobox measures text on a canvas, sizes its virtualised menu by the scroll element's client size and
// watches its scroll position; jsdom provides none of these.
class NoopIntersectionObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

// Rendering Grafana UI in jsdom is slow on a busy machine; this is a budget, not a timing assertion.
jest.setTimeout(60000);

beforeAll(() => {
  Object.defineProperty(window, 'IntersectionObserver', {
    configurable: true,
    writable: true,
    value: NoopIntersectionObserver,
  });
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 8 }) }),
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
});

function setup(query: DoraQuery) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const user = userEvent.setup({ delay: null });
  render(<QueryEditor datasource={{} as DataSource} query={query} onChange={onChange} onRunQuery={onRunQuery} />);
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

/** Opens a Grafana Combobox by its label and picks an option by its visible name. */
async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: new RegExp(`^${option}`) }));
}

describe('QueryEditor', () => {
  it('changes the metric and runs the query', async () => {
    const { onChange, onRunQuery, user } = setup(metricQuery);
    await choose(user, 'Metric', 'Change lead time');
    expect(onChange).toHaveBeenLastCalledWith({ ...metricQuery, metric: 'leadTime' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('changes the aggregation, interval and group by', async () => {
    const query = { ...metricQuery, metric: 'leadTime' as const };
    const { onChange, user } = setup(query);
    await choose(user, 'Aggregation', 'p90');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, aggregation: 'p90' });
    await choose(user, 'Interval', 'Week');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, interval: 'week' });
    await choose(user, 'Group by', 'Team');
    expect(onChange).toHaveBeenLastCalledWith({ ...query, groupBy: 'team' });
  });

  it('switches the kind to scorecard, keeping refId and group by', async () => {
    const { onChange, onRunQuery, user } = setup({ ...metricQuery, groupBy: 'team' });
    await user.click(screen.getByRole('radio', { name: 'Scorecard' }));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ refId: 'A', kind: 'scorecard', groupBy: 'team' })
    );
    expect(onChange.mock.lastCall[0]).not.toHaveProperty('metric');
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('picks the entity of an events query', async () => {
    const { onChange, user } = setup({ refId: 'B', kind: 'events', entity: 'deployments' });
    expect(screen.queryByRole('combobox', { name: 'Metric' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Incidents' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'B', kind: 'events', entity: 'incidents' });
  });

  it('shows group by for a scorecard and nothing else for data quality', async () => {
    const { onChange, user } = setup({ refId: 'C', kind: 'scorecard', groupBy: 'service' });
    await choose(user, 'Group by', 'Environment');
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'C', kind: 'scorecard', groupBy: 'environment' });
  });

  it('shows a template variable value as typed', () => {
    setup({ ...metricQuery, metric: '$metric' as MetricQuery['metric'] });
    expect(screen.getByRole('combobox', { name: 'Metric' })).toHaveValue('$metric');
  });
});

describe('switchKind', () => {
  it('fills in what each kind needs', () => {
    expect(switchKind(metricQuery, 'events')).toMatchObject({ refId: 'A', kind: 'events', entity: 'deployments' });
    expect(switchKind(metricQuery, 'scorecard')).toMatchObject({ kind: 'scorecard', groupBy: 'service' });
    expect(switchKind({ refId: 'Q', kind: 'dataQuality' }, 'metric')).toMatchObject({
      kind: 'metric',
      metric: 'deploymentCount',
      groupBy: 'none',
    });
    expect(switchKind(metricQuery, 'metric')).toBe(metricQuery);
  });
});
