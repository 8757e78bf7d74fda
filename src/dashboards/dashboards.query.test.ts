/**
 * Every panel of every shipped dashboard that reads this plugin's data source (all but the debug dashboard's
 * optional Prometheus panel), run through the real DataSource.query() against the demo source with the dashboard's
 * variables at their defaults (and at one team), gets a non-empty frame and no error. At the defaults, each panel
 * also still has rows after its own transformations (filters such as "failed only", grouping); for one team such a
 * filter may rightly leave nothing. What is left has the fields its panel type draws (a time series a time and a
 * number field, a stat a number...), and every column a table's "organize fields" keeps exists. The dashboards'
 * variable queries and annotations run through the real variable and annotation support on the same data; the
 * debug dashboard's CI panels and annotations are checked against the chosen deployment and service.
 */
import { lastValueFrom, Observable } from 'rxjs';
import {
  AnnotationQuery,
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceInstanceSettings,
  DataTransformerConfig,
  dateTime,
  FieldType,
  getFieldDisplayName,
  PluginMeta,
  PluginType,
  standardTransformers,
  standardTransformersRegistry,
  TimeRange,
  transformDataFrame,
} from '@grafana/data';
import { annotationSupport } from '../datasource/annotationSupport';
import { DataSource } from '../datasource/DataSource';
import { DEMO_SERVICES, DEMO_TEAMS } from '../sources/demo/profiles';
import { UNKNOWN_SERVICE } from '../sources/demo/quirks';
import { DoraVariableQuery } from '../query/variableQuery';
import { DoraJsonData } from '../settings/model';
import { DoraQuery } from '../query/model';
import { DASHBOARDS, DashboardJson } from './index';
import { PanelJson, panelsOf, pluginPanelsOf } from './testing/panels';
import { dashboardTemplateSrv } from './testing/templateSrv';

// A fixed "now" (the demo data is generated relative to it) keeps the test deterministic.
const NOW = Date.UTC(2026, 10, 16, 12, 0, 0);
const DAY = 24 * 3600 * 1000;
const PLUGIN_TYPE = 'opendora-dora-datasource';

beforeAll(() => {
  // Grafana registers its transformers at start-up; standardTransformers lists some under two names.
  const unique = new Map(Object.values(standardTransformers).map((t) => [t.id, t]));
  standardTransformersRegistry.setInit(() =>
    Array.from(unique.values()).map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      transformation: t,
      editor: () => null,
      imageDark: '',
      imageLight: '',
    }))
  );
});

function demoDataSource(dashboard: DashboardJson, chosen: Record<string, string[]> = {}): DataSource {
  const settings: DataSourceInstanceSettings<DoraJsonData> = {
    uid: 'dora-demo',
    type: PLUGIN_TYPE,
    name: 'DORA Metrics (demo)',
    access: 'proxy',
    readOnly: false,
    url: '/api/datasources/proxy/uid/dora-demo',
    jsonData: { demoEnabled: true },
    meta: { id: 'opendora-dora-datasource', name: 'DORA Metrics', type: PluginType.datasource } as PluginMeta,
  };
  return new DataSource(settings, { now: () => NOW, templateSrv: dashboardTemplateSrv(dashboard, chosen) });
}

/** The panel's time range: its relative override (timeFrom: "90d") or the dashboard's default (now-30d). */
function rangeOf(dashboard: DashboardJson, panel: PanelJson) {
  const relative = panel.timeFrom ?? dashboard.time!.from.replace(/^now-/, '');
  const days = Number(/^(\d+)d$/.exec(relative)![1]);
  const from = dateTime(NOW - days * DAY);
  const to = dateTime(NOW);
  return { from, to, raw: { from: `now-${days}d`, to: 'now' } };
}

async function runPanel(ds: DataSource, dashboard: DashboardJson, panel: PanelJson): Promise<DataQueryResponse> {
  const request = {
    requestId: `panel-${panel.id}`,
    interval: '1h',
    intervalMs: 3600 * 1000,
    range: rangeOf(dashboard, panel),
    scopedVars: {},
    targets: (panel.targets ?? []) as unknown as DoraQuery[],
    timezone: 'utc',
    app: 'dashboard',
    startTime: NOW,
  } as DataQueryRequest<DoraQuery>;
  return lastValueFrom(ds.query(request));
}

async function transformed(
  frames: DataFrame[],
  transformations: DataTransformerConfig[] | undefined
): Promise<DataFrame[]> {
  if (!transformations || transformations.length === 0) {
    return frames;
  }
  return lastValueFrom(transformDataFrame(transformations, frames));
}

const rows = (frame: DataFrame) => frame.length ?? frame.fields[0]?.values.length ?? 0;

/**
 * What a panel type needs to draw something: a time series a time and a number field, a stat, bar gauge or bar
 * chart a number field (a bar chart also a text or time axis), a table any column. Missing: what is wrong.
 */
function shapeProblem(type: string | undefined, frames: DataFrame[]): string | null {
  const has = (kind: FieldType) => frames.some((f) => rows(f) > 0 && f.fields.some((field) => field.type === kind));
  const needs: Record<string, FieldType[][]> = {
    timeseries: [[FieldType.time], [FieldType.number]],
    'status-history': [[FieldType.time], [FieldType.number]],
    stat: [[FieldType.number]],
    bargauge: [[FieldType.number]],
    barchart: [[FieldType.number], [FieldType.string, FieldType.time]],
    table: [],
  };
  for (const alternatives of needs[type ?? ''] ?? [[FieldType.number]]) {
    if (!alternatives.some(has)) {
      return `a ${type} panel needs a ${alternatives.join(' or ')} field with values`;
    }
  }
  return null;
}

/**
 * The columns an "organize fields" transformation keeps that are not there when it runs (after the transformations
 * before it), by the display names it matches on: each would be a silently missing column.
 */
async function missingOrganizedColumns(
  frames: DataFrame[],
  transformations: DataTransformerConfig[] | undefined
): Promise<string[]> {
  const list = transformations ?? [];
  const index = list.findIndex((t) => t.id === 'organize');
  if (index < 0) {
    return [];
  }
  const include = (list[index].options as { includeByName?: Record<string, boolean> }).includeByName ?? {};
  const before = await transformed(frames, list.slice(0, index));
  const names = new Set(before.flatMap((f) => f.fields.map((field) => getFieldDisplayName(field, f, before))));
  return Object.keys(include).filter((name) => include[name] && !names.has(name));
}

/**
 * A dashboard with a deployment variable (the debug dashboard) is tried on a deployment worth debugging: the newest
 * one an incident of the range (of the chosen team) is linked to, so its changes, incidents and neighbours all show.
 */
async function withDeployment(
  dashboard: DashboardJson,
  chosen: Record<string, string[]>
): Promise<Record<string, string[]>> {
  if (!(dashboard.templating?.list ?? []).some((v) => v.name === 'deployment') || chosen.deployment) {
    return chosen;
  }
  const probe = {
    id: 0,
    title: 'probe',
    type: 'table',
    targets: [{ refId: 'P', kind: 'events', entity: 'incidents', filters: { teams: chosen.team ?? [] } }],
  } as unknown as PanelJson;
  const response = await runPanel(demoDataSource(dashboard, chosen), dashboard, probe);
  const linked = response.data[0].fields.find((f: { name: string }) => f.name === 'Linked deployment');
  const id = (linked?.values as string[] | undefined)?.find((v) => v !== '');
  expect(id).toBeTruthy();
  return { ...chosen, deployment: [id!] };
}

const SCENARIOS: Array<[string, Record<string, string[]>, { afterTransformations: boolean }]> = [
  ['variables at their defaults (All)', {}, { afterTransformations: true }],
  ['one team chosen', { team: ['storefront'] }, { afterTransformations: false }],
];

describe.each(DASHBOARDS.map((d) => [d.json.title, d.json] as [string, DashboardJson]))(
  '%s on the demo source',
  (_t, dashboard) => {
    describe.each(SCENARIOS)('%s', (_s, chosen, { afterTransformations }) => {
      // Panels on the optional Prometheus-compatible source (dashboards.test.ts checks them) are not ours to run.
      const panels = pluginPanelsOf(dashboard);
      it.each(panels.map((p) => [p.title, p] as [string, PanelJson]))(
        'panel "%s" gets a non-empty frame',
        async (_title, panel) => {
          const ds = demoDataSource(dashboard, await withDeployment(dashboard, chosen));
          const response = await runPanel(ds, dashboard, panel);
          expect(response.errors ?? []).toEqual([]);
          const nonEmpty = response.data.filter((f: DataFrame) => rows(f) > 0);
          expect(nonEmpty.length).toBeGreaterThan(0);
          // The refIds of the panel's queries all answered.
          const refIds = new Set(response.data.map((f: DataFrame) => f.refId));
          for (const target of panel.targets ?? []) {
            expect([target.refId, refIds.has(target.refId)]).toEqual([target.refId, true]);
          }
          const missing = await missingOrganizedColumns(
            response.data,
            panel.transformations as DataTransformerConfig[] | undefined
          );
          expect([panel.title, missing]).toEqual([panel.title, []]);
          if (afterTransformations) {
            const shown = await transformed(
              response.data,
              panel.transformations as DataTransformerConfig[] | undefined
            );
            expect(shown.filter((f) => rows(f) > 0).length).toBeGreaterThan(0);
            expect([panel.title, shapeProblem(panel.type, shown)]).toEqual([panel.title, null]);
          }
        }
      );
    });
  }
);

describe.each(DASHBOARDS.map((d) => [d.json.title, d.json] as [string, DashboardJson]))(
  '%s: variables and annotations on the demo source',
  (_t, dashboard) => {
    const range = { from: dateTime(NOW - 30 * DAY), to: dateTime(NOW), raw: { from: 'now-30d', to: 'now' } };

    async function variableValues(ds: DataSource, query: unknown): Promise<string[]> {
      const support = ds.variables as unknown as {
        query(r: DataQueryRequest<DoraVariableQuery>): Observable<DataQueryResponse>;
      };
      const request = {
        requestId: 'variable',
        range,
        scopedVars: {},
        targets: [query],
      } as unknown as DataQueryRequest<DoraVariableQuery>;
      const response = await lastValueFrom(support.query(request));
      return response.data[0].fields.find((f: { name: string }) => f.name === 'value').values;
    }

    it('its team and service variables list the demo teams and services (services of the chosen team)', async () => {
      const variables = dashboard.templating?.list ?? [];
      const team = variables.find((v) => v.name === 'team');
      const service = variables.find((v) => v.name === 'service');
      if (team) {
        expect(await variableValues(demoDataSource(dashboard), team.query)).toEqual(DEMO_TEAMS.slice().sort());
      }
      if (service) {
        const all = await variableValues(demoDataSource(dashboard), service.query);
        expect(all).toEqual(
          DEMO_SERVICES.map((s) => s.name)
            .concat(UNKNOWN_SERVICE)
            .sort()
        );
        const storefront = await variableValues(demoDataSource(dashboard, { team: ['storefront'] }), service.query);
        expect(storefront).toEqual(
          DEMO_SERVICES.filter((s) => s.team === 'storefront')
            .map((s) => s.name)
            .sort()
        );
      }
    });

    const annotations = (dashboard.annotations?.list ?? []).filter((a) => !a.builtIn);
    if (annotations.length > 0) {
      it.each(annotations.map((a) => [a.name, a] as [string, (typeof annotations)[number]]))(
        'annotation "%s" gives events in the range',
        async (_name, annotation) => {
          const ds = demoDataSource(dashboard, await withDeployment(dashboard, {}));
          const events = await annotationEventsOf(ds, annotation as unknown as AnnotationQuery<DoraQuery>, range);
          expect(events.length).toBeGreaterThan(0);
          for (const event of events) {
            expect(event.timeEnd!).toBeGreaterThanOrEqual(NOW - 30 * DAY);
            expect(event.time!).toBeLessThan(NOW);
          }
        }
      );
    }
  }
);

async function annotationEventsOf(ds: DataSource, annotation: AnnotationQuery<DoraQuery>, range: TimeRange) {
  const anno = annotationSupport.prepareAnnotation!(annotation);
  const query = annotationSupport.prepareQuery!(anno)!;
  const request = {
    requestId: 'annotation',
    interval: '1h',
    intervalMs: 3600 * 1000,
    range,
    scopedVars: {},
    targets: [query],
    timezone: 'utc',
    app: 'dashboard',
    startTime: NOW,
  } as DataQueryRequest<DoraQuery>;
  const response = await lastValueFrom(ds.query(request));
  expect(response.errors ?? []).toEqual([]);
  return (await lastValueFrom(annotationSupport.processEvents!(anno, response.data)))!;
}

describe('the debug dashboard on the demo source', () => {
  const debug = DASHBOARDS.find((d) => d.json.uid === 'dora-debug')!.json;
  const panel = (title: string) => panelsOf(debug).find((p) => p.title === title)!;
  const column = (frame: DataFrame, name: string) =>
    frame.fields.find((f) => getFieldDisplayName(f, frame) === name)!.values as unknown[];

  async function shown(title: string, chosen: Record<string, string[]>): Promise<DataFrame> {
    const response = await runPanel(demoDataSource(debug, chosen), debug, panel(title));
    expect(response.errors ?? []).toEqual([]);
    const frames = await transformed(response.data, panel(title).transformations as DataTransformerConfig[]);
    return frames[0];
  }

  it("lists the CI runs of the chosen deployment's commits, every one of a change it shipped", async () => {
    const chosen = await withDeployment(debug, {});
    const runs = await shown('CI runs of the commits it shipped', chosen);
    const changes = await shown('Changes it shipped, with lead time stages', chosen);
    expect(rows(runs)).toBeGreaterThan(0);
    const shipped = new Set(column(changes, 'SHA'));
    // Who wrote each change: the demo's commits all name an author.
    expect(column(changes, 'Author').filter((a) => typeof a !== 'string' || a === '')).toEqual([]);
    expect(column(runs, 'SHA').filter((sha) => !shipped.has(sha))).toEqual([]);
    expect(runs.fields.map((f) => f.name)).toEqual([
      'Started',
      'Workflow',
      'SHA',
      'Branch',
      'Attempt',
      'Status',
      'Duration',
      'Flaky',
      'URL',
    ]);
  });

  it('sums the runs of the service per workflow and status, flaky failures apart, with their durations', async () => {
    const summary = await shown('CI runs by workflow and status', {});
    const runs = await shown('Pipeline runs', {});
    expect(summary.fields.map((f) => getFieldDisplayName(f, summary))).toEqual([
      'Workflow',
      'Status',
      'Flaky',
      'Runs',
      'Duration (median)',
      'Duration (p90)',
      'Duration (max)',
    ]);
    // Runs counts the runs with a duration (finished ones); every finished run of the runs table is in one row.
    const finished = column(runs, 'Duration').filter((v) => v !== null).length;
    expect((column(summary, 'Runs') as number[]).reduce((a, b) => a + b, 0)).toBe(finished);
    const key = (i: number) =>
      `${column(summary, 'Workflow')[i]}/${column(summary, 'Status')[i]}/${column(summary, 'Flaky')[i]}`;
    const keys = Array.from({ length: rows(summary) }, (_, i) => key(i));
    expect(keys).toEqual(expect.arrayContaining(['ci/success/false', 'ci/failure/true', 'ci/failure/false']));
    expect(new Set(keys).size).toBe(keys.length);
    expect(column(runs, 'Flaky').some((v) => v === true)).toBe(true);
  });

  it('marks the deployments of the chosen service, and the chosen deployment, on the error rate panel', async () => {
    const range = { from: dateTime(NOW - 30 * DAY), to: dateTime(NOW), raw: { from: 'now-30d', to: 'now' } };
    const chosen = await withDeployment(debug, { service: ['checkout'] });
    const ds = demoDataSource(debug, chosen);
    const layer = (name: string) =>
      (debug.annotations?.list ?? []).find((a) => a.name === name) as unknown as AnnotationQuery<DoraQuery>;
    const ofService = await annotationEventsOf(ds, layer('Deployments of the service'), range);
    expect(ofService.length).toBeGreaterThan(0);
    expect(ofService.filter((e) => e.tags![0] !== 'checkout')).toEqual([]);
    const table = await shown('Pipeline runs', chosen);
    expect(column(table, 'Service').filter((s) => s !== 'checkout')).toEqual([]);
    const theOne = await annotationEventsOf(ds, layer('The chosen deployment'), range);
    expect(theOne.map((e) => e.id)).toEqual(chosen.deployment);
    expect(ofService.map((e) => e.id)).toContain(chosen.deployment[0]);
  });
});

describe('the severity panels on the demo source', () => {
  const dashboardOf = (uid: string) => DASHBOARDS.find((d) => d.json.uid === uid)!.json;
  const panelOf = (dashboard: DashboardJson, title: string) => panelsOf(dashboard).find((p) => p.title === title)!;
  /** refId -> the number values of each series of the response, by display name. */
  async function series(dashboard: DashboardJson, panel: PanelJson): Promise<Record<string, Array<number | null>>> {
    const response = await runPanel(demoDataSource(dashboard), dashboard, panel);
    expect(response.errors ?? []).toEqual([]);
    const out: Record<string, Array<number | null>> = {};
    for (const frame of response.data as DataFrame[]) {
      for (const field of frame.fields.filter((f) => f.type === FieldType.number)) {
        out[`${frame.refId}:${getFieldDisplayName(field, frame, response.data)}`] = field.values as Array<
          number | null
        >;
      }
    }
    return out;
  }

  it.each([
    ['dora-executive', 'Time to restore by severity (weekly median)'],
    ['dora-on-call', 'Time to restore by severity (median, last 90 days)'],
  ])('%s: "%s" has a series per demo severity', async (uid, title) => {
    const dashboard = dashboardOf(uid);
    const names = Object.keys(await series(dashboard, panelOf(dashboard, title)));
    expect(names.map((n) => n.replace(/^A:(sev\d) · Time to restore service \(median\)$/, '$1')).sort()).toEqual([
      'sev1',
      'sev2',
      'sev3',
    ]);
  });

  it('executive: the change fail rate of sev1 and sev2 failures stays at or under the rate of every failure, and under it somewhere', async () => {
    const dashboard = dashboardOf('dora-executive');
    const values = Object.values(
      await series(dashboard, panelOf(dashboard, 'Change fail rate: every failure vs. sev1 and sev2 only (weekly)'))
    );
    expect(values).toHaveLength(2);
    const [every, highest] = values;
    const weeks = every.map((v, i) => [v, highest[i]]).filter(([a, b]) => a !== null && b !== null) as number[][];
    expect(weeks.length).toBeGreaterThan(4);
    expect(weeks.filter(([a, b]) => b > a)).toEqual([]);
    expect(weeks.some(([a, b]) => b < a)).toBe(true);
    expect(weeks.some(([, b]) => b > 0)).toBe(true);
  });

  it('on-call: the sev1 and sev2 change fail rate is the share of deployments linked to such an incident', async () => {
    const dashboard = dashboardOf('dora-on-call');
    const panel = panelOf(dashboard, 'Change fail rate: sev1 and sev2 only (last 30 days)');
    const [rate] = Object.values(await series(dashboard, panel));
    const table = {
      ...panel,
      targets: [
        { refId: 'T', kind: 'events', entity: 'deployments', filters: { teams: ['$team'], services: ['$service'] } },
      ],
    } as PanelJson;
    const deployments = (await runPanel(demoDataSource(dashboard), dashboard, table)).data[0] as DataFrame;
    const incidents = (
      await runPanel(demoDataSource(dashboard), dashboard, {
        ...panel,
        targets: [{ refId: 'I', kind: 'events', entity: 'incidents', filters: { severities: ['sev1', 'sev2'] } }],
        timeFrom: '60d',
      } as PanelJson)
    ).data[0] as DataFrame;
    const col = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values as string[];
    const severe = new Set(col(incidents, 'Linked deployment').filter((id) => id !== ''));
    const ids = col(deployments, 'Deployment');
    const hit = ids.filter((id) => severe.has(id)).length;
    expect(hit).toBeGreaterThan(0);
    expect(rate[rate.length - 1]).toBeCloseTo(hit / ids.length, 9);
  });
});
