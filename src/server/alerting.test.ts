/** @jest-environment node */
/**
 * The provisioned alert rules (provisioning/alerting/*.yaml), read the way Grafana reads them: the file's shape,
 * refIds, the expression chain (__expr__ Reduce / Math / Threshold), the data source uid of the provisioned demo
 * data source, and each data query a complete query of this plugin without dashboard variables. Then every
 * rule's query runs through the backend's entry on the demo data, as alerting would call it, and the frames must
 * be alertable: numeric, one series per service with unique labels. Reduce + Threshold are applied here to show
 * which services fire.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { validateQuery } from '../query/validate';
import { DoraQuery } from '../query/model';
import { query } from './entry';

const ROOT = join(__dirname, '..', '..');
const NOW = Date.UTC(2026, 5, 1);

interface RuleData {
  refId: string;
  datasourceUid: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, unknown>;
}
interface Rule {
  uid: string;
  title: string;
  condition: string;
  data: RuleData[];
  for: string;
  noDataState: string;
  execErrState: string;
  annotations?: Record<string, string>;
}
interface Group {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: Rule[];
}

const files = readdirSync(join(ROOT, 'provisioning', 'alerting')).filter((f) => /\.ya?ml$/.test(f));
const groups: Group[] = files.flatMap((f) => {
  const doc = parse(readFileSync(join(ROOT, 'provisioning', 'alerting', f), 'utf8'));
  expect(doc.apiVersion).toBe(1);
  return doc.groups as Group[];
});
const rules = groups.flatMap((g) => g.rules);
const datasources = parse(readFileSync(join(ROOT, 'provisioning', 'datasources', 'datasources.yml'), 'utf8'))
  .datasources as Array<{ uid: string; type: string; jsonData?: Record<string, unknown> }>;

beforeAll(() => {
  (globalThis as { host?: unknown }).host = {
    request: () => Promise.reject(new Error('the demo data source makes no requests')),
    now: () => NOW,
    zoneOffsetMinutes: () => 0,
    log: () => undefined,
  };
});

describe('provisioned alert rules', () => {
  it('has the three rules of the README, in valid groups', () => {
    expect(rules.map((r) => r.uid).sort()).toEqual([
      'dora-change-fail-rate-elite',
      'dora-no-production-deployment',
      'dora-recovery-median-above-a-day',
    ]);
    for (const g of groups) {
      expect(g.orgId).toBe(1);
      expect(g.folder).toBeTruthy();
      expect(g.interval).toMatch(/^\d+[smh]$/);
    }
  });

  it.each(rules.map((r) => [r.uid, r] as [string, Rule]))('%s reads like a Grafana rule', (_uid, rule) => {
    expect(rule.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    const refIds = rule.data.map((d) => d.refId);
    expect(new Set(refIds).size).toBe(refIds.length);
    expect(refIds).toContain(rule.condition);
    expect(['OK', 'NoData', 'Alerting', 'KeepLast']).toContain(rule.noDataState);
    expect(['OK', 'Error', 'Alerting', 'KeepLast']).toContain(rule.execErrState);
    expect(rule.for).toMatch(/^\d+[smh]$/);
    for (const d of rule.data) {
      expect(d.model.refId).toBe(d.refId);
      if (d.datasourceUid === '__expr__') {
        expect(['reduce', 'math', 'threshold']).toContain(d.model.type);
        const uses =
          String(d.model.expression)
            .match(/\$?([A-Z])\b/g)
            ?.map((m) => m.replace('$', '')) ?? [];
        expect(uses.length).toBeGreaterThan(0);
        uses.forEach((u) => expect(refIds.slice(0, refIds.indexOf(d.refId))).toContain(u));
        if (d.model.type === 'reduce') {
          expect(['last', 'mean', 'min', 'max', 'sum', 'count']).toContain(d.model.reducer);
        }
        if (d.model.type === 'threshold') {
          const [condition] = d.model.conditions as Array<{ evaluator: { type: string; params: number[] } }>;
          expect(['gt', 'lt', 'within_range', 'outside_range']).toContain(condition.evaluator.type);
        }
      } else {
        const ds = datasources.find((s) => s.uid === d.datasourceUid);
        expect(ds?.type).toBe('opendora-dora-datasource');
        expect(d.relativeTimeRange!.from).toBeGreaterThan(0);
        const checked = validateQuery(d.model as unknown as DoraQuery);
        expect(checked).toMatchObject({ ok: true });
        expect(JSON.stringify(d.model)).not.toMatch(/\$/);
      }
    }
  });

  it.each(rules.map((r) => [r.uid, r] as [string, Rule]))(
    '%s: the backend answers one numeric series per service, and Reduce + Threshold pick the services',
    async (_uid, rule) => {
      const data = rule.data.find((d) => d.datasourceUid !== '__expr__')!;
      const ds = datasources.find((s) => s.uid === data.datasourceUid)!;
      const request = {
        settings: { jsonData: ds.jsonData ?? {}, secureKeys: [] },
        queries: [
          {
            refId: data.refId,
            query: data.model,
            from: NOW - data.relativeTimeRange!.from * 1000,
            to: NOW,
            intervalMs: 60000,
          },
        ],
        fromAlert: true,
        now: NOW,
      };
      const response = JSON.parse(await query(JSON.stringify(request)));
      const result = response.results[data.refId];
      expect(result.error).toBeUndefined();
      const series = result.frames.map(
        (f: { fields: Array<{ type: string; values: unknown[]; labels?: Record<string, string> }> }) => {
          const numbers = f.fields.filter((x) => x.type === 'number');
          expect(numbers).toHaveLength(1);
          return { labels: numbers[0].labels, values: numbers[0].values as Array<number | null> };
        }
      );
      expect(series.length).toBeGreaterThan(1);
      const labelSets = series.map((s: { labels?: Record<string, string> }) => JSON.stringify(s.labels));
      expect(new Set(labelSets).size).toBe(labelSets.length);
      series.forEach((s: { labels?: Record<string, string> }) =>
        expect(Object.keys(s.labels ?? {})).toEqual(['service'])
      );
      // Reduce (last, drop non-numbers), then the rule's math and threshold.
      const exprs = rule.data.filter((d) => d.datasourceUid === '__expr__');
      const firing = series.filter((s: { values: Array<number | null> }) => {
        const numbers = s.values.filter((v): v is number => typeof v === 'number' && isFinite(v));
        if (numbers.length === 0) {
          return false;
        }
        let value = numbers[numbers.length - 1];
        for (const e of exprs) {
          if (e.model.type === 'math') {
            value = value / Number(String(e.model.expression).split('/')[1]);
          }
          if (e.model.type === 'threshold') {
            const [c] = e.model.conditions as Array<{ evaluator: { type: string; params: number[] } }>;
            return c.evaluator.type === 'gt' ? value > c.evaluator.params[0] : value < c.evaluator.params[0];
          }
        }
        return false;
      });
      // The demo's services differ: some fire, some do not (a rule that fires for all or none tests nothing).
      expect(firing.length).toBeLessThan(series.length);
    }
  );
});
