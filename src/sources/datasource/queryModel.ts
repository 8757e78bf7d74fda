/**
 * The query a mapping sends: the data source's own query model with the text in the property that data source
 * reads (rawSql for SQL data sources, expr for Loki and Prometheus, query for Elasticsearch and others) and the
 * table format, the mapping's extra JSON merged over it, and ${__from} / ${__to} replaced by the range's epoch ms
 * ($__timeFrom() and $__timeTo() are the SQL data sources' own macros: they expand them).
 */
import { DAY_MS, Instant, TimeRange } from '../../engine';
import { ResolvedMapping } from '../../settings/datasourceBridge';

/** The range the health check and the settings' column picker run a mapping's query over: the last 7 days. */
export const CHECK_DAYS = 7;

/** The last CHECK_DAYS days up to now. */
export function checkRange(now: Instant): TimeRange {
  return { from: now - CHECK_DAYS * DAY_MS, to: now };
}

/** Query model defaults by data source type (plugin id). */
const MODELS: Array<{ types: string[]; model: (text: string) => Record<string, unknown> }> = [
  {
    types: [
      'grafana-postgresql-datasource',
      'postgres',
      'mysql',
      'mssql',
      'grafana-bigquery-datasource',
      'doitintl-bigquery-datasource',
      'grafana-snowflake-datasource',
      'grafana-databricks-datasource',
      'grafana-athena-datasource',
      'grafana-redshift-datasource',
    ],
    model: (rawSql) => ({ rawSql, rawQuery: true, format: 'table', editorMode: 'code' }),
  },
  {
    types: ['grafana-clickhouse-datasource'],
    model: (rawSql) => ({ rawSql, queryType: 'table', editorType: 'sql', format: 1 }),
  },
  { types: ['loki'], model: (expr) => ({ expr, queryType: 'range' }) },
  { types: ['prometheus'], model: (expr) => ({ expr, format: 'table', range: true }) },
  {
    types: ['elasticsearch'],
    model: (query) => ({
      query,
      metrics: [{ id: '1', type: 'raw_data', settings: { size: '10000' } }],
      bucketAggs: [],
    }),
  },
];

/** The property the query text goes into for a data source type. */
export function queryProperty(type: string | undefined): string {
  const model = modelFor(type, '');
  return Object.keys(model)[0];
}

function modelFor(type: string | undefined, text: string): Record<string, unknown> {
  for (const entry of MODELS) {
    if (type && entry.types.indexOf(type) >= 0) {
      return entry.model(text);
    }
  }
  return { query: text, format: 'table' };
}

export function interpolateRange(text: string, range: TimeRange): string {
  return text.replace(/\$\{__from\}|\$__from\b/g, String(range.from)).replace(/\$\{__to\}|\$__to\b/g, String(range.to));
}

export interface BridgeQuery {
  refId: string;
  datasource: { uid: string; type?: string };
  [key: string]: unknown;
}

export function bridgeQuery(mapping: ResolvedMapping, refId: string, range: TimeRange): BridgeQuery {
  const text = interpolateRange(mapping.query, range);
  return { ...modelFor(mapping.datasource.type, text), ...mapping.model, refId, datasource: mapping.datasource };
}
