/**
 * The data source bridge section: mappings added, edited and removed in jsonData (with the Grafana URL the server's
 * route reads), a data source picked through Grafana's picker, a column per event field with the required ones
 * marked, and each problem named under its mapping as you type. The column picker runs the mapping's query through
 * Grafana's data source service (a fake set with setDataSourceSrv, answering the DataFrame shapes Grafana's
 * PostgreSQL data source returns, testing/frames.ts): columns offered with their types, a typed column kept, the
 * first rows previewed with the source's row problems, and a failing or empty query named with its fix.
 */
import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSourceInstanceSettings } from '@grafana/data';
import { setDataSourceSrv } from '@grafana/runtime';
import { DAY_MS } from '../../engine';
import { BridgeMapping } from '../../settings/datasourceBridge';
import { Answers, fakeDataSourceSrv } from '../../sources/datasource/testing/dataSourceSrv';
import { deploymentsFrame, DEPLOYMENTS_SQL, SHA } from '../../sources/datasource/testing/frames';
import { ANSWERS, MAPPINGS } from '../../sources/datasource/testing/mappings';
import { choose, typeCustom } from '../testing/combobox';
import { installComboboxStubs } from '../testing/jsdom';
import { renderSection } from '../testing/sectionHarness';
import { DataSourceBridgeSection } from './DataSourceBridgeSection';

const WAREHOUSE = { uid: 'warehouse', type: 'grafana-postgresql-datasource', name: 'Warehouse' };
const SELF = { uid: 'dora', type: 'opendora-dora-datasource', name: 'DORA' };

/** Grafana's picker needs the data source service; this one lists two data sources through the same props. */
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  DataSourcePicker: (props: {
    inputId: string;
    current: string | null;
    filter: (ds: DataSourceInstanceSettings) => boolean;
    onChange: (ds: DataSourceInstanceSettings) => void;
  }) => {
    const all = [WAREHOUSE, SELF].filter((ds) => props.filter(ds as unknown as DataSourceInstanceSettings));
    return (
      <select
        id={props.inputId}
        value={props.current ?? ''}
        onChange={(e) => props.onChange(all.find((ds) => ds.uid === e.currentTarget.value) as never)}
      >
        <option value="">Select a data source</option>
        {all.map((ds) => (
          <option key={ds.uid} value={ds.uid}>
            {ds.name}
          </option>
        ))}
      </select>
    );
  },
}));

// Each mapping shows up to 17 comboboxes. Grafana's Combobox keeps its closed menu positioned with floating-ui's
// autoUpdate, which reads computed styles up the tree: cheap in a browser, seconds per render in jsdom. The tests
// need no menu positions.
jest.mock('@floating-ui/react', () => ({
  ...jest.requireActual('@floating-ui/react'),
  autoUpdate: () => () => undefined,
}));
jest.setTimeout(60000);
beforeAll(installComboboxStubs);

describe('DataSourceBridgeSection', () => {
  it('enabling asks for a mapping; a new mapping names what it lacks, required columns marked', async () => {
    const { latest } = renderSection(DataSourceBridgeSection);
    await userEvent.click(screen.getByLabelText('Enable data source mappings'));
    expect(latest().jsonData.grafanaApi).toEqual({ url: 'http://localhost:3000' });
    expect(screen.getByText(/no mapping yet; add one/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Add mapping/ }));
    expect(latest().jsonData.datasourceBridge?.mappings).toEqual([{ kind: 'deployments', columns: {} }]);
    expect(screen.getByText(/Mapping "mapping 1": choose the data source to query/)).toBeInTheDocument();
    expect(screen.getByText(/Mapping "mapping 1": the query is empty/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /choose the column of service, environment, repo, sha, finishedAt, status \(required for deployments\)/
      )
    ).toBeInTheDocument();
    expect(screen.getByText('sha *')).toBeInTheDocument();
    expect(screen.getByText('url')).toBeInTheDocument();
  });

  it('the picker offers other data sources only, and stores uid, type and name', () => {
    const { latest } = renderSection(DataSourceBridgeSection, {
      datasourceBridge: { enabled: true, mappings: [{ kind: 'incidents', columns: {} }] },
    });
    const picker = screen.getByLabelText(/^Data source/) as HTMLSelectElement;
    expect(within(picker).queryByText('DORA')).not.toBeInTheDocument();
    fireEvent.change(picker, { target: { value: 'warehouse' } });
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].datasource).toEqual(WAREHOUSE);
  });

  it('query, kind and columns are edited in place; a missing required column is named', async () => {
    const user = userEvent.setup();
    const { sha: _omitted, ...withoutSha } = MAPPINGS[0].columns!;
    const { latest } = renderSection(DataSourceBridgeSection, {
      datasourceBridge: { enabled: true, mappings: [{ ...MAPPINGS[0], columns: withoutSha }] },
    });
    // (Clearing a column with the combobox's clear icon is driven in the browser test: jsdom's icons have no handlers.)
    expect(screen.getByLabelText('sha *')).toHaveValue('');
    expect(screen.getByLabelText('environment *')).toHaveValue('env');
    expect(screen.getByText(/Mapping "Deployments": choose the column of sha/)).toBeInTheDocument();
    await typeCustom(user, screen.getByLabelText('sha *'), 'commit_sha');
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].columns).toEqual(MAPPINGS[0].columns);
    expect(screen.queryByText(/Mapping "Deployments":/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Query model/), { target: { value: '{bad' } });
    expect(screen.getByText(/Mapping "Deployments": the query model is not valid JSON/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Incidents' }));
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].kind).toBe('incidents');
    expect(screen.getByText('createdAt *')).toBeInTheDocument();
  });

  it('names a mapping named twice, and removes a mapping', async () => {
    const { latest } = renderSection(DataSourceBridgeSection, {
      datasourceBridge: { enabled: true, mappings: [MAPPINGS[0], MAPPINGS[0]] },
    });
    expect(screen.getByText(/Mapping "Deployments" is named twice/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove mapping 2' }));
    expect(latest().jsonData.datasourceBridge?.mappings).toEqual([MAPPINGS[0]]);
    expect(screen.queryByText(/named twice/)).not.toBeInTheDocument();
  });
});

/** The service Grafana's DataSourcePicker and the column picker read; each test sets its own answers. */
function serve(answers: Answers) {
  const srv = fakeDataSourceSrv(answers, [WAREHOUSE]);
  setDataSourceSrv(srv);
  return srv.service;
}

/** The mapping's "Load columns" button (role queries are slow over a section of 17 comboboxes). */
function loadButton(which = 0): HTMLElement {
  return screen.getAllByText('Load columns')[which].closest('button')!;
}

function renderMapping(mapping: BridgeMapping) {
  return renderSection(DataSourceBridgeSection, { datasourceBridge: { enabled: true, mappings: [mapping] } });
}

/** The tests' deployments mapping on the data source as the picker stores it (uid, type and name). */
const MAPPED: BridgeMapping = { ...MAPPINGS[0], datasource: WAREHOUSE };

const UNMAPPED: BridgeMapping = {
  name: 'Deployments',
  kind: 'deployments',
  datasource: WAREHOUSE,
  query: DEPLOYMENTS_SQL,
  columns: {},
};

describe('DataSourceBridgeSection column picker', () => {
  it('loads the columns over the last 7 days and offers them, with their types, to each field', async () => {
    const service = serve(ANSWERS);
    const user = userEvent.setup();
    const { latest } = renderMapping(UNMAPPED);
    const before = Date.now();
    await user.click(loadButton());
    expect(await screen.findByText(/6 columns from Warehouse/)).toBeInTheDocument();
    // The query went to the mapping's data source as the source sends it (rawSql, table format), over 7 days.
    expect(service.requests).toHaveLength(1);
    const { uid, request } = service.requests[0];
    expect(uid).toBe('warehouse');
    expect(request.targets[0]).toMatchObject({ rawSql: DEPLOYMENTS_SQL, format: 'table' });
    const span = request.range.to.valueOf() - request.range.from.valueOf();
    expect(span).toBe(7 * DAY_MS);
    expect(request.range.to.valueOf()).toBeGreaterThanOrEqual(before);

    const sha = screen.getByLabelText('sha *');
    await user.click(sha);
    const menu = document.getElementById(sha.getAttribute('aria-controls')!)!;
    const offered = within(menu)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(offered).toEqual([
      'finished_attime',
      'servicestring',
      'envstring',
      'repositorystring',
      'commit_shastring',
      'outcomestring',
    ]);
    await user.keyboard('{Escape}');
    await choose(user, sha, 'commit_sha');
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].columns).toEqual({ sha: 'commit_sha' });
    // Required fields are marked, optional ones are not; until all required are chosen there is no preview.
    expect(screen.getByLabelText('finishedAt *')).toBeInTheDocument();
    expect(screen.getByLabelText('url')).toBeInTheDocument();
    expect(
      screen.getByText(/Choose the required columns \(\*\) to preview the rows as deployments/)
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /choose the column of service, environment, repo, finishedAt, status \(required for deployments\)/
      )
    ).toBeInTheDocument();
    // Editing the query makes the loaded columns stale: said next to the button, the options kept.
    fireEvent.change(document.getElementById('dora-bridge-0-query')!, {
      target: { value: `${DEPLOYMENTS_SQL} LIMIT 10` },
    });
    expect(screen.getByText(/6 columns from Warehouse: the query changed since, load them again/)).toBeInTheDocument();
  });

  it('previews the first rows as events once the required columns are chosen; a typed column is kept', async () => {
    serve(ANSWERS);
    const user = userEvent.setup();
    const { latest } = renderMapping(MAPPED);
    await user.click(loadButton());
    const preview = await screen.findByTestId('dora-bridge-0-preview');
    expect(
      within(preview).getByText('6 rows in the last 7 days, 6 valid deployments; the first 5:')
    ).toBeInTheDocument();
    expect(
      within(preview)
        .getAllByRole('columnheader')
        .map((h) => h.textContent)
    ).toEqual(['service', 'environment', 'repo', 'sha', 'finishedAt', 'status']);
    const first = within(preview).getAllByRole('row')[1];
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent)
    ).toEqual(['checkout', 'production', 'acme/checkout', SHA.a, '2026-02-25T10:00:00.000Z', 'success']);

    // A column the last result does not have (it may appear later) is kept, and the preview names it.
    await typeCustom(user, screen.getByLabelText('url'), 'deploy_url');
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].columns?.url).toBe('deploy_url');
    expect(screen.getByLabelText('url')).toHaveValue('deploy_url');
    expect(
      await screen.findByText(/the result has no column "deploy_url" \(for url\); its columns are finished_at, service/)
    ).toBeInTheDocument();
    // Rows and columns stay in the page: jsonData holds the mapping, never a result or a token.
    const stored = JSON.stringify(latest().jsonData);
    expect(stored).not.toContain(SHA.a);
    expect(stored).not.toMatch(/token|password|secret/i);
    expect(latest().secureJsonData ?? {}).toEqual({});
  });

  it('reports the rows the source would leave out, by row and field, as its notice does', async () => {
    serve(ANSWERS);
    const user = userEvent.setup();
    renderMapping({ ...MAPPINGS[2], datasource: WAREHOUSE });
    await user.click(loadButton());
    const preview = await screen.findByTestId('dora-bridge-0-preview');
    expect(within(preview).getByText('2 rows in the last 7 days, 1 valid incidents:')).toBeInTheDocument();
    expect(within(preview).getByText(/Mapping "Incidents", row 2: createdAt \(column opened\)/)).toBeInTheDocument();
  });

  it('names the data source, its error and the fix when the query fails; the columns typed stay', async () => {
    serve([{ contains: 'FROM deployments', error: 'db query error: pq: relation "deployments" does not exist' }]);
    const user = userEvent.setup();
    const { latest } = renderMapping(MAPPED);
    await user.click(loadButton());
    const alert = await screen.findByTestId('dora-bridge-0-error');
    expect(alert).toHaveTextContent('Columns not loaded from Warehouse');
    expect(alert).toHaveTextContent(
      'The data source "Warehouse" could not run the query: db query error: pq: relation "deployments" does not exist. Fix the query or the data source (Explore runs the same query), then load the columns again.'
    );
    expect(screen.getByLabelText('sha *')).toHaveValue('commit_sha');
    expect(latest()).toBeUndefined();
  });

  it('says so when the query returns no columns, and when the data source is gone', async () => {
    serve([{ contains: 'FROM deployments', frames: [] }]);
    const user = userEvent.setup();
    renderMapping(UNMAPPED);
    await user.click(loadButton());
    expect(await screen.findByTestId('dora-bridge-0-error')).toHaveTextContent(
      'The data source "Warehouse" returned no columns for the last 7 days. Check that the query returns a table in that range'
    );

    serve([{ contains: 'FROM deployments', frames: [deploymentsFrame()] }]);
    renderMapping({ ...UNMAPPED, datasource: { uid: 'dropped', type: 'mysql', name: 'Old MySQL' } });
    await user.click(loadButton(1));
    await waitFor(() =>
      expect(screen.getAllByTestId('dora-bridge-0-error')[1]).toHaveTextContent(
        'The data source "Old MySQL" could not run the query: Data source with uid dropped not found.'
      )
    );
  });

  it('cannot load before the data source and the query are chosen', () => {
    serve(ANSWERS);
    renderMapping({ kind: 'changes', columns: {} });
    expect(loadButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByLabelText('parents *')).toBeInTheDocument();
  });
});
