/**
 * The shipped dashboards: valid Grafana dashboards (schema types in ./index.ts, values here), wired into
 * plugin.json and provisioning, linked to each other, and every panel query a valid query of this plugin.
 * dashboards.query.test.ts runs them against the demo source.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { validateQuery } from '../query/validate';
import { DoraQuery } from '../query/model';
import pluginJson from '../plugin.json';
import { DASHBOARDS, DashboardJson } from './index';
import { gridItemsOf, METRICS_SOURCE, PanelJson, panelsOf, pluginPanelsOf, readsMetrics } from './testing/panels';
import { dashboardTemplateSrv } from './testing/templateSrv';
import { interpolateQuery } from '../datasource/interpolate';
import { AnnotationQuery } from '@grafana/data';
import { annotationSupport } from '../datasource/annotationSupport';
import { BENCHMARKS } from '../engine';

const PLUGIN_ID = 'opendora-dora-datasource';
const PANEL_TYPES = ['stat', 'timeseries', 'table', 'bargauge', 'barchart', 'status-history'];
const ROOT = join(__dirname, '..', '..');

const each = DASHBOARDS.map((d) => [d.json.title, d.json] as [string, DashboardJson]);

describe('shipped dashboards', () => {
  it('are exactly the JSON files of src/dashboards, and plugin.json includes each', () => {
    const files = readdirSync(__dirname)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `dashboards/${f}`)
      .sort();
    expect(DASHBOARDS.map((d) => d.path).sort()).toEqual(files);
    const includes = (pluginJson as { includes?: Array<{ type: string; name: string; path: string }> }).includes ?? [];
    expect(
      includes
        .filter((i) => i.type === 'dashboard')
        .map((i) => i.path)
        .sort()
    ).toEqual(files);
    for (const { path, json } of DASHBOARDS) {
      expect(includes.find((i) => i.path === path)?.name).toBe(json.title);
    }
  });

  it('are provisioned from the plugin folder, with the demo data source', () => {
    const provider = parse(readFileSync(join(ROOT, 'provisioning/dashboards/dashboards.yml'), 'utf8'));
    expect(provider.providers[0].options.path).toBe(`/var/lib/grafana/plugins/${PLUGIN_ID}/dashboards`);
    const datasources = parse(readFileSync(join(ROOT, 'provisioning/datasources/datasources.yml'), 'utf8'));
    expect(datasources.datasources).toContainEqual(
      expect.objectContaining({
        uid: 'dora-demo',
        type: PLUGIN_ID,
        jsonData: expect.objectContaining({ demoEnabled: true }),
      })
    );
  });

  it('have unique uids and titles', () => {
    const uids = DASHBOARDS.map((d) => d.json.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(new Set(DASHBOARDS.map((d) => d.json.title)).size).toBe(uids.length);
  });

  describe.each(each)('%s', (_title, dashboard) => {
    const panels = panelsOf(dashboard);

    it('has the fields Grafana 12.3+ needs to import it', () => {
      expect(dashboard.uid).toMatch(/^dora-[a-z-]+$/);
      expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
      expect(dashboard.schemaVersion).toBeLessThanOrEqual(42);
      expect(dashboard.tags).toContain('dora');
      expect(dashboard.time).toEqual({ from: expect.stringMatching(/^now-/), to: 'now' });
      expect(dashboard.editable).toBe(true);
      expect(panels.length).toBeGreaterThan(3);
    });

    it('has unique panel ids and a grid layout without overlaps, inside 24 columns', () => {
      const items = gridItemsOf(dashboard);
      const ids = items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of items) {
        const { x, y, w, h } = item.gridPos!;
        expect([item.title, x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 24]).toEqual([item.title, true]);
      }
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const a = items[i].gridPos!;
          const b = items[j].gridPos!;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect([items[i].title, items[j].title, overlap]).toEqual([items[i].title, items[j].title, false]);
        }
      }
    });

    it('reads from the data source chosen in its ${datasource} variable of this plugin type', () => {
      const variable = dashboard.templating?.list?.find((v) => v.name === 'datasource');
      expect(variable).toMatchObject({ type: 'datasource', query: PLUGIN_ID });
      for (const panel of pluginPanelsOf(dashboard)) {
        expect([panel.title, panel.datasource]).toEqual([panel.title, { type: PLUGIN_ID, uid: '${datasource}' }]);
        for (const target of panel.targets ?? []) {
          expect(target.datasource).toEqual({ type: PLUGIN_ID, uid: '${datasource}' });
        }
      }
    });

    it('uses known panel types, each with a title, a description and at least one query', () => {
      for (const panel of panels) {
        expect(PANEL_TYPES).toContain(panel.type);
        expect(panel.title).toBeTruthy();
        expect([panel.title, (panel.description ?? '').length > 10]).toEqual([panel.title, true]);
        expect([panel.title, (panel.targets ?? []).length > 0]).toEqual([panel.title, true]);
      }
    });

    it('has only valid queries of this plugin (after its variables are interpolated)', () => {
      const templateSrv = dashboardTemplateSrv(dashboard);
      for (const panel of pluginPanelsOf(dashboard)) {
        const refIds = (panel.targets ?? []).map((t) => t.refId);
        expect(new Set(refIds).size).toBe(refIds.length);
        for (const target of panel.targets ?? []) {
          const query = interpolateQuery(target as unknown as DoraQuery, {}, templateSrv);
          const result = validateQuery(query);
          expect([panel.title, result.ok ? 'ok' : result.message]).toEqual([panel.title, 'ok']);
          // No field outside the query model: a typo would be silently ignored by the data source.
          const known = [
            'refId',
            'datasource',
            'kind',
            'metric',
            'aggregation',
            'interval',
            'groupBy',
            'filters',
            'entity',
            'leadTimeStart',
            'hide',
          ];
          expect(Object.keys(target).filter((k) => known.indexOf(k) < 0)).toEqual([]);
        }
      }
    });

    it('states the native unit of every stat, time series and bar gauge', () => {
      for (const panel of panels.filter((p) => p.type !== 'table' && p.type !== 'barchart')) {
        const unit = panel.fieldConfig?.defaults?.unit;
        expect([panel.title, unit]).toEqual([
          panel.title,
          expect.stringMatching(/^(dtdurationms|percentunit|short|d)$/),
        ]);
      }
    });

    it('colours key-metric stats by the DORA 2023 levels of the engine (green elite, blue high, orange medium, red low)', () => {
      const table = BENCHMARKS[2023];
      // Durations: a level holds below its cut-off, so the next colour starts at it.
      const durations = (cutoffs: Array<{ below: number }>) => [null, ...cutoffs.map((c) => c.below)];
      const expected: Record<string, { values: Array<number | null>; colors: string[]; close?: boolean }> = {
        'Change lead time': { values: durations(table.leadTime), colors: ['green', 'blue', 'orange', 'red'] },
        'Failed deployment recovery time': {
          values: durations(table.recoveryTime),
          colors: ['green', 'blue', 'orange', 'red'],
        },
        // Rates: a level holds up to its cut-off, so the next colour starts just above it.
        'Change fail rate': {
          values: [null, ...table.changeFailRate.map((c) => c.atMost + 0.000001)],
          colors: ['green', 'blue', 'orange', 'red'],
          close: true,
        },
        // Frequency (per week on the panel, per day in the engine): a level holds from its cut-off up.
        'Deployment frequency': {
          values: [null, ...table.deploymentFrequency.map((c) => c.atLeast * 7).reverse()],
          colors: ['red', 'orange', 'blue', 'green'],
          close: true,
        },
      };
      const stats = panels.filter((p) => p.type === 'stat' && expected[p.title ?? '']);
      if (dashboard.uid === 'dora-overview') {
        expect(stats.map((p) => p.title).sort()).toEqual(Object.keys(expected).sort());
      }
      for (const panel of stats) {
        const want = expected[panel.title!];
        const steps = panel.fieldConfig?.defaults?.thresholds?.steps ?? [];
        expect(steps.map((s) => s.color)).toEqual(want.colors);
        steps.forEach((s, i) => {
          if (want.values[i] === null || !want.close) {
            expect(s.value).toBe(want.values[i]);
          } else {
            expect(s.value).toBeCloseTo(want.values[i]!, 9);
          }
        });
        expect(panel.fieldConfig?.defaults?.color?.mode).toBe('thresholds');
      }
    });

    it('links to the other DORA dashboards keeping the time range and variables', () => {
      expect(dashboard.links).toContainEqual(
        expect.objectContaining({ type: 'dashboards', tags: ['dora'], keepTime: true, includeVars: true })
      );
    });

    it('has data links only to shipped dashboards, keeping time and data source', () => {
      const uids = DASHBOARDS.map((d) => d.json.uid);
      const text = JSON.stringify(dashboard.panels);
      const links = text.match(/\/d\/[^"?]+\?[^"]*/g) ?? [];
      for (const link of links) {
        const uid = /\/d\/([^/?]+)/.exec(link)![1];
        expect(uids).toContain(uid);
        expect(link).toContain('${__url_time_range}');
        expect(link).toContain('${datasource:queryparam}');
      }
    });

    it("lists teams and services with the plugin's own variable queries, services of the chosen teams", () => {
      const queries: Record<string, unknown> = {
        team: { refId: 'team', values: 'teams' },
        service: { refId: 'service', values: 'services', filters: { teams: ['$team'] } },
      };
      for (const v of dashboard.templating?.list ?? []) {
        if (queries[v.name]) {
          expect(v).toMatchObject({
            type: 'query',
            datasource: { type: PLUGIN_ID, uid: '${datasource}' },
            multi: true,
            includeAll: true,
            current: { value: ['$__all'] },
            // Refreshed when the time range changes: the values come from the events of the range.
            refresh: 2,
          });
          expect(v.query).toEqual(queries[v.name]);
        }
      }
    });

    it('has annotation queries that are valid events queries of this plugin', () => {
      const templateSrv = dashboardTemplateSrv(dashboard);
      for (const annotation of (dashboard.annotations?.list ?? []).filter((a) => !a.builtIn)) {
        expect(annotation.datasource).toEqual({ type: PLUGIN_ID, uid: '${datasource}' });
        const query = annotationSupport.prepareQuery!(annotation as unknown as AnnotationQuery<DoraQuery>);
        expect([annotation.name, query?.kind]).toEqual([annotation.name, 'events']);
        const result = validateQuery(interpolateQuery(query!, {}, templateSrv));
        expect([annotation.name, result.ok ? 'ok' : result.message]).toEqual([annotation.name, 'ok']);
      }
    });
  });

  it('the overview and team dashboards annotate deployments by outcome (in its colour) and incidents', () => {
    for (const uid of ['dora-overview', 'dora-team-service']) {
      const list = DASHBOARDS.find((d) => d.json.uid === uid)!.json.annotations?.list ?? [];
      const layers = list
        .filter((a) => !a.builtIn)
        .map((a) => {
          const t = a.target as unknown as Record<string, unknown>;
          return [a.name, a.iconColor, t.entity, t.outcome ?? null];
        });
      expect(layers).toEqual([
        ['Deployments', 'green', 'deployments', 'success'],
        ['Failed deployments', 'red', 'deployments', 'failed'],
        ['Rollbacks', 'orange', 'deployments', 'rollback'],
        ['Incidents', 'purple', 'incidents', null],
      ]);
    }
  });

  it('the debug dashboard reads the error rate from an optional Prometheus-compatible source, inside a collapsed row', () => {
    const debug = DASHBOARDS.find((d) => d.json.uid === 'dora-debug')!.json;
    // Only this dashboard has panels on another data source, and each sits in a row closed by default: without a
    // Prometheus-compatible source nothing runs, and the row title says what it needs.
    for (const { json } of DASHBOARDS) {
      const foreign = panelsOf(json).filter(readsMetrics);
      expect([json.uid, foreign.length]).toEqual([json.uid, json.uid === 'dora-debug' ? 1 : 0]);
    }
    const variable = debug.templating?.list?.find((v) => v.name === 'metrics');
    expect(variable).toMatchObject({ type: 'datasource', query: 'prometheus', multi: false, includeAll: false });
    expect(variable?.description).toMatch(/Optional: a Prometheus-compatible data source/);
    const rows = (debug.panels ?? []).filter((p) => p.type === 'row') as Array<{
      title?: string;
      collapsed?: boolean;
      panels?: PanelJson[];
    }>;
    const row = rows.find((r) => (r.panels ?? []).some((p) => p.title?.startsWith('Error rate')))!;
    expect(row).toMatchObject({ collapsed: true, title: expect.stringContaining('needs a Prometheus-compatible') });
    const panel = row.panels![0];
    expect(panel).toMatchObject({ type: 'timeseries', datasource: METRICS_SOURCE });
    expect(panel.fieldConfig?.defaults?.unit).toBe('percentunit');
    expect(panel.description).toMatch(/pick it in Metrics/);
    expect(panel.targets).toHaveLength(1);
    const target = panel.targets![0] as { datasource?: unknown; expr?: string; legendFormat?: string };
    expect(target.datasource).toEqual(METRICS_SOURCE);
    // 5xx over all requests of the chosen services (multi-value: a regex alternation), per service.
    const [errors, all] = target.expr!.split('\n/\n');
    expect(errors).toContain('service=~"${service:regex}"');
    expect(errors).toContain('code=~"5.."');
    expect(all).toContain('service=~"${service:regex}"');
    expect(all).not.toContain('code=');
    expect(target.expr).toContain('[$__rate_interval]');
    expect(target.legendFormat).toBe('{{service}}');
    // The service variable it names is the dashboard's multi-value one (Grafana's regex format: "(a|b)").
    expect(debug.templating?.list?.find((v) => v.name === 'service')).toMatchObject({ multi: true, type: 'query' });
    // Its markers: the deployments of the chosen services, and the chosen deployment.
    const layers = (debug.annotations?.list ?? [])
      .filter((a) => !a.builtIn)
      .map((a) => [a.name, a.iconColor, (a.target as unknown as { filters?: unknown }).filters]);
    expect(layers).toEqual([
      ['Deployments of the service', 'green', { teams: ['$team'], services: ['$service'] }],
      ['The chosen deployment', 'blue', { deployments: ['$deployment'] }],
    ]);
  });

  it('the overview links its scorecard rows to the team dashboard', () => {
    const overview = DASHBOARDS.find((d) => d.json.uid === 'dora-overview')!.json;
    expect(JSON.stringify(overview.panels)).toContain('/d/dora-team-service/');
  });
});
