/**
 * The column picker's seam: the mapping's query runs through the data source service as the source sends it, over
 * the last 7 days; columns come back with their types (object columns' properties too), the preview maps the first
 * rows and reports the source's row problems, and failures come back as messages, never thrown.
 */
import { DAY_MS } from '../../engine';
import { BridgeMapping } from '../../settings/datasourceBridge';
import { CHECK_DAYS, columnChoices, loadColumns, previewRows, PREVIEW_ROWS } from './preview';
import { fakeDataSourceService } from './testing/dataSourceSrv';
import { at, deploymentsFrame, incidentsFrame, sqlFrame } from './testing/frames';
import { ANSWERS, MAPPINGS } from './testing/mappings';
import { FrameJson, tableFromJson } from './table';

const NOW = Date.parse('2026-03-06T12:00:00Z');

/** A Loki logs frame as Grafana's Loki data source returns it: labels as a JSON object column, time and line. */
function lokiFrame(): FrameJson {
  return {
    schema: {
      fields: [
        { name: 'labels', type: 'other', typeInfo: { frame: 'json.RawMessage' } } as never,
        { name: 'Time', type: 'time' },
        { name: 'Line', type: 'string' },
      ],
    },
    data: {
      values: [
        [
          { service: 'checkout', env: 'production' },
          { service: 'search', sha: 'abc' },
        ],
        [at(1, 10), at(1, 11)],
        ['deployed checkout', 'deployed search'],
      ],
    },
  };
}

describe('loadColumns', () => {
  it('runs the query as the source sends it over the last 7 days and lists the columns with their types', async () => {
    const service = fakeDataSourceService(ANSWERS, ['warehouse']);
    const loaded = await loadColumns(MAPPINGS[0], 0, { now: NOW, service: () => service });
    expect(loaded.error).toBeUndefined();
    expect(loaded.columns).toEqual([
      { name: 'finished_at', type: 'time' },
      { name: 'service', type: 'string' },
      { name: 'env', type: 'string' },
      { name: 'repository', type: 'string' },
      { name: 'commit_sha', type: 'string' },
      { name: 'outcome', type: 'string' },
    ]);
    expect(loaded.tables[0].length).toBe(6);
    const { request } = service.requests[0];
    expect(request.targets[0]).toMatchObject({
      rawSql: MAPPINGS[0].query,
      format: 'table',
      datasource: MAPPINGS[0].datasource,
    });
    expect(request.range.from.valueOf()).toBe(NOW - CHECK_DAYS * DAY_MS);
    expect(request.range.to.valueOf()).toBe(NOW);
  });

  it('names the data source, the error and the fix when the query fails, is empty, or the data source is gone', async () => {
    const mapping: BridgeMapping = { ...MAPPINGS[0], datasource: { uid: 'warehouse', name: 'Warehouse' } };
    const failing = fakeDataSourceService(
      [{ contains: 'FROM deployments', error: 'syntax error at "FROM"' }],
      ['warehouse']
    );
    expect((await loadColumns(mapping, 0, { now: NOW, service: () => failing })).error).toBe(
      'The data source "Warehouse" could not run the query: syntax error at "FROM". Fix the query or the data source (Explore runs the same query), then load the columns again.'
    );
    const empty = fakeDataSourceService([{ contains: 'FROM deployments', frames: [] }], ['warehouse']);
    expect((await loadColumns(mapping, 0, { now: NOW, service: () => empty })).error).toMatch(
      /^The data source "Warehouse" returned no columns for the last 7 days\. Check that the query returns a table/
    );
    const gone = fakeDataSourceService(ANSWERS, []);
    expect((await loadColumns(mapping, 0, { now: NOW, service: () => gone })).error).toMatch(
      /could not run the query: Data source with uid warehouse not found\./
    );
    expect((await loadColumns({ kind: 'changes' }, 0, { service: () => gone })).error).toBe(
      'Choose the data source and write the query first, then load its columns.'
    );
  });
});

describe('columnChoices', () => {
  it("offers an object column's properties (Loki's labels) as column.key", () => {
    expect(columnChoices([tableFromJson(lokiFrame())])).toEqual([
      { name: 'labels', type: 'other' },
      { name: 'labels.env', type: 'property' },
      { name: 'labels.service', type: 'property' },
      { name: 'labels.sha', type: 'property' },
      { name: 'Time', type: 'time' },
      { name: 'Line', type: 'string' },
    ]);
  });

  it('lists a column shared by two frames once', () => {
    const a = sqlFrame('P', 'q', [['sha', 'string', ['x']]]);
    const b = sqlFrame('P', 'q', [
      ['sha', 'string', ['y']],
      ['repo', 'string', ['r']],
    ]);
    expect(columnChoices([tableFromJson(a), tableFromJson(b)]).map((c) => c.name)).toEqual(['sha', 'repo']);
  });
});

describe('previewRows', () => {
  it('maps the first rows to the chosen fields, converted as the source converts them', () => {
    const preview = previewRows([tableFromJson(deploymentsFrame())], MAPPINGS[0], 0)!;
    expect(preview.rows).toBe(6);
    expect(preview.valid).toBe(6);
    expect(preview.sample).toHaveLength(PREVIEW_ROWS);
    expect(preview.sample[0]).toEqual({
      service: 'checkout',
      environment: 'production',
      repo: 'acme/checkout',
      sha: 'a1'.repeat(20),
      finishedAt: '2026-02-25T10:00:00.000Z',
      status: 'success',
    });
    expect(preview.problems).toEqual([]);
  });

  it("reports the source's row problems by row and field, and waits for the required columns", () => {
    const preview = previewRows([tableFromJson(incidentsFrame())], MAPPINGS[2], 2)!;
    expect(preview.rows).toBe(2);
    expect(preview.valid).toBe(1);
    expect(preview.problems).toEqual([
      expect.stringMatching(/^Mapping "Incidents", row 2: createdAt \(column opened\)/),
    ]);
    expect(preview.sample[1]['cause.sha']).toBe('');
    expect(preview.sample[0]['cause.sha']).toBe('c3'.repeat(20));
    expect(previewRows([tableFromJson(incidentsFrame())], { ...MAPPINGS[2], columns: { id: 'incident_id' } }, 2)).toBe(
      undefined
    );
  });
});
