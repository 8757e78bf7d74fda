/**
 * A query result as a plain table of named columns, from either shape Grafana gives a data frame in: the JSON of
 * the query API (/api/ds/query: schema.fields + data.values, with entities for NaN/Inf/undefined) or a DataFrame
 * object of the data source service (fields with values). Pure: no Grafana imports, it runs on the server too.
 */

export interface Column {
  name: string;
  /** Grafana's field type: time, number, string, boolean, other. */
  type: string;
  values: unknown[];
}

export interface Table {
  name?: string;
  columns: Column[];
  length: number;
}

/** A frame as the query API sends it (DataFrameJSON). */
export interface FrameJson {
  schema?: {
    name?: string;
    refId?: string;
    fields?: Array<{ name?: string; type?: string; config?: { displayNameFromDS?: string } }>;
  };
  data?: {
    values?: unknown[][];
    entities?: Array<{ NaN?: number[]; Inf?: number[]; NegInf?: number[]; Undef?: number[] } | null>;
  };
}

/** A frame as a data source's query() returns it (DataFrame, values as arrays or array-likes). */
export interface FrameObject {
  name?: string;
  fields: Array<{ name: string; type?: string; values: ArrayLike<unknown> | { toArray(): unknown[] } }>;
  length?: number;
}

export function tableFromJson(frame: FrameJson): Table {
  const fields = frame.schema?.fields ?? [];
  const values = frame.data?.values ?? [];
  const entities = frame.data?.entities ?? [];
  const columns = fields.map((field, i): Column => {
    const column = (values[i] ?? []).slice();
    const special = entities[i];
    if (special) {
      for (const index of ([] as number[]).concat(
        special.NaN ?? [],
        special.Inf ?? [],
        special.NegInf ?? [],
        special.Undef ?? []
      )) {
        column[index] = null;
      }
    }
    return { name: field.name ?? `Field ${i + 1}`, type: field.type ?? 'other', values: column };
  });
  return { name: frame.schema?.name, columns, length: columns.reduce((max, c) => Math.max(max, c.values.length), 0) };
}

export function tableFromFrame(frame: FrameObject): Table {
  const columns = frame.fields.map((field): Column => {
    const raw = field.values;
    const values =
      typeof (raw as { toArray?: unknown }).toArray === 'function'
        ? (raw as { toArray(): unknown[] }).toArray()
        : Array.from(raw as ArrayLike<unknown>);
    return { name: field.name, type: field.type ?? 'other', values };
  });
  return {
    name: frame.name,
    columns,
    length: frame.length ?? columns.reduce((max, c) => Math.max(max, c.values.length), 0),
  };
}

/**
 * The column a mapping names: its exact name, else case-insensitively, else "labels.service" for the property
 * of a column whose values are objects (Loki's labels).
 */
export function findColumn(table: Table, name: string): ((row: number) => unknown) | undefined {
  const exact =
    table.columns.find((c) => c.name === name) ??
    table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (exact) {
    return (row) => exact.values[row];
  }
  const dot = name.indexOf('.');
  if (dot > 0) {
    const parent = table.columns.find((c) => c.name === name.slice(0, dot));
    const key = name.slice(dot + 1);
    if (parent) {
      return (row) => objectOf(parent.values[row])?.[key];
    }
  }
  return undefined;
}

/**
 * A cell as a plain object: the object itself, or a JSON object text parsed (Loki's labels arrive as either);
 * undefined for anything else (lists, dates, other texts, text that is not JSON).
 */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof parsed === 'string' && parsed.charAt(0) === '{') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return undefined;
    }
  }
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) && !(parsed instanceof Date)
    ? (parsed as Record<string, unknown>)
    : undefined;
}
