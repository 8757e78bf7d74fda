/**
 * The inputs the backend is compared and timed on: the sample events file, the demo data and the benchmark
 * generator's organisation, each with the settings that read it and the queries a user or an alert rule sends
 * (every query kind and option of the query editor, see queriesOver). Events files are written to a
 * directory that the caller serves over HTTP on loopback; the settings point the events URL source at it.
 */
import { copyFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DAY_MS, METRIC_IDS, WEEK_MS } from '../../src/engine';
import { QueryKind } from '../../src/query/model';
import {
  AGGREGATION_OPTIONS,
  ENTITY_OPTIONS,
  GROUP_BY_OPTIONS,
  INTERVAL_OPTIONS,
  KIND_OPTIONS,
  LEAD_TIME_START_OPTIONS,
  OUTCOME_OPTIONS,
  VARIABLE_VALUE_OPTIONS,
} from '../../src/query/vocabulary';
import { toEventsDocument } from '../../src/sources/json/serialize';
import { DEMO_SERVICES } from '../../src/sources/demo/profiles';
import { generateOrg } from '../engine/generate';

/** One query as the backend's entry receives it (src/server/README.md). */
export interface CaseQuery {
  refId: string;
  query: Record<string, unknown>;
  from: number;
  to: number;
  intervalMs: number;
  maxDataPoints: number;
}

export interface Case {
  name: string;
  jsonData: Record<string, unknown>;
  /** The clock both sides compute with (the backend: DORA_FIXED_NOW_MS). */
  now: number;
  fromAlert: boolean;
  queries: CaseQuery[];
}

const ROOT = join(__dirname, '..', '..');
const INTERVAL_MS = 60 * 60 * 1000;
const MAX_DATA_POINTS = 1000;
/** The demo's clock: a fixed day, so both sides generate the same demo organisation. */
export const DEMO_NOW = Date.UTC(2026, 5, 1);
export const BENCH_SEED = 42;

interface Dataset {
  name: string;
  jsonData: Record<string, unknown>;
  from: number;
  to: number;
  now: number;
  /** A service and a team of the data, for the filtered queries. */
  focus: Focus;
}

interface Focus {
  service: string;
  team: string;
}

/** Zones the zoned queries are bucketed in: daylight saving time, and a half-hour offset. */
const ZONES = ['America/New_York', 'Asia/Kolkata'];

/** Writes `<name>.events.json` below dir and returns the settings of an events URL source reading it. */
function eventsFile(dir: string, base: string, name: string, write: (file: string) => void): Record<string, unknown> {
  const file = `${name}.events.json`;
  write(join(dir, file));
  return { eventsUrl: { enabled: true, urls: [`${base}/${file}`], timeoutSeconds: 120 } };
}

/**
 * The generator's organisation at a scale, as an events file; its year-long range, and a clock a week after it
 * (alerting runs at the present, when every event is in the past: the generator resolves some incidents after
 * the range ends).
 */
export function generatedDataset(dir: string, base: string, scale: number): Dataset {
  const org = generateOrg({ scale, seed: BENCH_SEED });
  const name = `generated-${scale}`;
  const jsonData = eventsFile(dir, base, name, (path) =>
    writeFileSync(path, JSON.stringify(toEventsDocument(org.events)))
  );
  const focus = { service: org.services[0], team: org.teams[0] };
  return { name, jsonData, from: org.range.from, to: org.range.to, now: org.range.to + WEEK_MS, focus };
}

function datasets(dir: string, base: string): Dataset[] {
  const sampleTo = Date.UTC(2024, 3, 1);
  return [
    {
      name: 'sample',
      jsonData: eventsFile(dir, base, 'sample', (path) =>
        copyFileSync(join(ROOT, 'examples', 'events.sample.json'), path)
      ),
      from: Date.UTC(2024, 0, 1),
      to: sampleTo,
      now: sampleTo,
      focus: { service: 'checkout', team: 'storefront' },
    },
    {
      name: 'demo',
      jsonData: { demoEnabled: true },
      from: DEMO_NOW - 90 * DAY_MS,
      to: DEMO_NOW,
      now: DEMO_NOW,
      focus: { service: DEMO_SERVICES[0].name, team: DEMO_SERVICES[0].team },
    },
    generatedDataset(dir, base, 0.01),
  ];
}

/**
 * The query models of each kind the query editor offers (KIND_OPTIONS): every metric ungrouped and per service;
 * one metric per other group, per interval, per aggregation and per lead-time start; scorecards; each event list
 * as a table, deployments by outcome and the annotation format; data quality; on call. A kind added to the
 * vocabulary fails the typecheck here until the differential covers it.
 */
function modelsOf(kind: QueryKind): Array<Record<string, unknown>> {
  const metric = { kind, interval: 'auto', aggregation: 'median' };
  switch (kind) {
    case 'metric':
      return [
        ...METRIC_IDS.flatMap((id) => [
          { ...metric, metric: id, groupBy: 'none' },
          { ...metric, metric: id, groupBy: 'service' },
        ]),
        ...GROUP_BY_OPTIONS.filter((g) => g.value !== 'none' && g.value !== 'service').flatMap((g) => [
          { ...metric, metric: 'changeFailRate', groupBy: g.value },
          { ...metric, metric: 'leadTime', groupBy: g.value },
        ]),
        ...INTERVAL_OPTIONS.filter((i) => i.value !== 'auto').map((i) => ({
          ...metric,
          metric: 'deploymentCount',
          interval: i.value,
          groupBy: 'team',
        })),
        ...AGGREGATION_OPTIONS.filter((a) => a.value !== 'median').map((a) => ({
          ...metric,
          metric: 'leadTime',
          aggregation: a.value,
          groupBy: 'service',
        })),
        ...LEAD_TIME_START_OPTIONS.map((l) => ({
          ...metric,
          metric: 'leadTime',
          leadTimeStart: l.value,
          groupBy: 'none',
        })),
      ];
    case 'scorecard':
      return [
        { kind, groupBy: 'none' },
        { kind, groupBy: 'team' },
      ];
    case 'events':
      return [
        ...ENTITY_OPTIONS.map((e) => ({ kind, entity: e.value, format: 'table' })),
        ...OUTCOME_OPTIONS.map((o) => ({ kind, entity: 'deployments', outcome: o.value, format: 'table' })),
        { kind, entity: 'deployments', format: 'annotations' },
        { kind, entity: 'incidents', format: 'annotations' },
      ];
    case 'dataQuality':
      return [{ kind }, { kind, groupBy: 'service' }];
    case 'onCall':
      return [{ kind }];
  }
}

/** Queries filtered to one service or team of the data (as a dashboard's variables or an alert rule would). */
function filteredModels(focus: Focus): Array<Record<string, unknown>> {
  return [
    { kind: 'metric', metric: 'changeFailRate', groupBy: 'service', filters: { services: [focus.service] } },
    { kind: 'metric', metric: 'timeToRestore', groupBy: 'none', filters: { teams: [focus.team] } },
    { kind: 'scorecard', groupBy: 'service', filters: { teams: [focus.team] } },
    { kind: 'events', entity: 'deployments', format: 'table', filters: { services: [focus.service] } },
    { kind: 'values', values: 'services', filters: { teams: [focus.team] } },
  ];
}

/**
 * Queries bucketed in a dashboard's time zone rather than UTC (Go's zone database on the server, Intl in Node).
 * Grafana sends the dashboard's zone with every query of a request, so they make a request of their own.
 */
function zonedQueries(from: number, to: number, timezone: string): CaseQuery[] {
  const models = [
    { kind: 'metric', metric: 'deploymentCount', interval: 'day', groupBy: 'none', timezone },
    { kind: 'metric', metric: 'leadTime', interval: 'week', groupBy: 'service', aggregation: 'p75', timezone },
    { kind: 'metric', metric: 'deploymentDaysPerWeek', interval: 'month', groupBy: 'team', timezone },
    { kind: 'scorecard', groupBy: 'team', timezone },
  ];
  return withRanges(models, from, to);
}

function withRanges(models: Array<Record<string, unknown>>, from: number, to: number): CaseQuery[] {
  return models.map((query, i) => ({
    refId: `Q${i}`,
    query,
    from,
    to,
    intervalMs: INTERVAL_MS,
    maxDataPoints: MAX_DATA_POINTS,
  }));
}

/**
 * Every query kind over one range (modelsOf), server mode's template variable queries (`values`), and queries
 * filtered to the dataset's focus.
 */
export function queriesOver(from: number, to: number, focus: Focus): CaseQuery[] {
  const models = KIND_OPTIONS.flatMap((k) => modelsOf(k.value));
  models.push(...VARIABLE_VALUE_OPTIONS.map((v) => ({ kind: 'values', values: v.value })));
  models.push(...filteredModels(focus));
  return withRanges(models, from, to);
}

/** Alert rules' queries: metrics per service over the last 30 days of the range, no dashboard variables. */
export function alertQueriesOver(to: number): CaseQuery[] {
  return METRIC_IDS.map((metric, i) => ({
    refId: `A${i}`,
    query: { kind: 'metric', metric, groupBy: 'service', interval: 'auto', aggregation: 'median' },
    from: to - 30 * DAY_MS,
    to,
    intervalMs: INTERVAL_MS,
    maxDataPoints: MAX_DATA_POINTS,
  }));
}

/** The differential's cases: for each dataset, a dashboard request, one per other time zone, and an alerting request. */
export function differentialCases(dir: string, base: string): Case[] {
  return datasets(dir, base).flatMap((d) => [
    { name: d.name, jsonData: d.jsonData, now: d.now, fromAlert: false, queries: queriesOver(d.from, d.to, d.focus) },
    ...ZONES.map((zone) => ({
      name: `${d.name} (${zone})`,
      jsonData: d.jsonData,
      now: d.now,
      fromAlert: false,
      queries: zonedQueries(d.from, d.to, zone),
    })),
    {
      name: `${d.name} (alerting)`,
      jsonData: d.jsonData,
      now: d.now,
      fromAlert: true,
      queries: alertQueriesOver(d.to),
    },
  ]);
}
