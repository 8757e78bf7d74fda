/**
 * The column picker of one data source mapping: "Load columns" runs the mapping's query over the last days through
 * Grafana's data source service (sources/datasource/preview.ts, the source's own runner), each event field offers
 * the result's columns with their types (required fields marked, a column typed by hand kept), and a preview shows
 * the first rows as events with the problems the source would report for them.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Combobox, ComboboxOption, Field, InlineField, Stack, Text, useStyles2 } from '@grafana/ui';
import { EventField, EventKind, FIELDS, KIND_LABELS } from '../../settings/bridgeFields';
import { BridgeMapping } from '../../settings/datasourceBridge';
import { CHECK_DAYS, loadColumns, LoadedResult, previewRows } from '../../sources/datasource/preview';

interface Props {
  index: number;
  mapping: BridgeMapping;
  kind: EventKind;
  /** The settings validation's message about this mapping's columns. */
  error?: string;
  disabled: boolean;
  onChange: (columns: Record<string, string>) => void;
}

type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; key: string; result: LoadedResult }
  | { status: 'failed'; key: string; error: string };

/** What the loaded columns depend on: a change of any makes them stale. */
function queryKey(mapping: BridgeMapping): string {
  return JSON.stringify([mapping.datasource?.uid, mapping.query, mapping.queryModel]);
}

export function BridgeColumns({ index, mapping, kind, error, disabled, onChange }: Props) {
  const styles = useStyles2(getStyles);
  const [state, setState] = useState<LoadState>({ status: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);
  const columns = mapping.columns ?? {};
  const id = (part: string) => `dora-bridge-${index}-${part}`;
  const ready = Boolean(mapping.datasource?.uid) && Boolean(mapping.query?.trim());
  const loaded = state.status === 'loaded' ? state.result : undefined;
  const stale = (state.status === 'loaded' || state.status === 'failed') && state.key !== queryKey(mapping);

  const load = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const key = queryKey(mapping);
    setState({ status: 'loading' });
    try {
      const result = await loadColumns(mapping, index, { signal: controller.signal });
      if (!controller.signal.aborted) {
        setState({ status: 'loaded', key, result });
      }
    } catch (e) {
      if (!controller.signal.aborted) {
        setState({ status: 'failed', key, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };

  const options = useMemo(
    (): Array<ComboboxOption<string>> =>
      (loaded?.columns ?? []).map((c) => ({ value: c.name, label: c.name, description: c.type })),
    [loaded]
  );
  // The latest columns and callback, so each field's row keeps one onChange and re-renders only when its own
  // value or the options change (17 comboboxes re-rendering on every keystroke of the query is sluggish).
  const latest = useRef({ columns, onChange });
  useEffect(() => {
    latest.current = { columns, onChange };
  });
  const setColumn = useCallback((field: string, column: string | undefined) => {
    const next = { ...latest.current.columns };
    if (column && column.trim() !== '') {
      next[field] = column;
    } else {
      delete next[field];
    }
    latest.current.onChange(next);
  }, []);

  const tables = loaded && !loaded.error ? loaded.tables : undefined;
  const preview = useMemo(
    () => (tables ? previewRows(tables, { kind, columns: mapping.columns, name: mapping.name }, index) : undefined),
    [tables, kind, mapping.columns, mapping.name, index]
  );
  const source = mapping.datasource?.name || mapping.datasource?.uid;

  return (
    <>
      <Field
        label="Columns"
        description={`The result column that fills each event field (* required). "Load columns" runs the query over the last ${CHECK_DAYS} days through the data source, as a panel would, to offer its columns and preview the first rows; a column typed by hand is kept. labels.service reads a property of an object column.`}
        invalid={Boolean(error)}
        error={error}
      >
        <ColumnList>
          <Stack direction="row" alignItems="center" gap={1}>
            <Button
              icon={state.status === 'loading' ? 'spinner' : 'sync'}
              variant="secondary"
              size="sm"
              disabled={disabled || !ready || state.status === 'loading'}
              tooltip={ready ? undefined : 'Choose the data source and write the query first'}
              onClick={load}
            >
              {state.status === 'loading' ? 'Loading columns…' : 'Load columns'}
            </Button>
            {loaded && !loaded.error && (
              <Text color="secondary" variant="bodySmall">
                {loaded.columns.length} columns from {source}
                {stale ? ': the query changed since, load them again' : ''}
              </Text>
            )}
          </Stack>
          {(state.status === 'failed' || loaded?.error) && (
            <Alert severity="error" title={`Columns not loaded from ${source}`} data-testid={id('error')}>
              {state.status === 'failed' ? state.error : loaded?.error}
            </Alert>
          )}
          {FIELDS[kind].map((field) => (
            <ColumnField
              key={field.name}
              id={id(`column-${field.name}`)}
              field={field}
              value={columns[field.name]}
              options={options}
              loaded={Boolean(loaded)}
              disabled={disabled}
              onChange={setColumn}
            />
          ))}
        </ColumnList>
      </Field>
      {tables && !preview && (
        <Text color="secondary" variant="bodySmall">
          Choose the required columns (*) to preview the rows as {KIND_LABELS[kind].toLowerCase()}.
        </Text>
      )}
      {preview && (
        <div data-testid={id('preview')} className={styles.preview}>
          <Text variant="bodySmall" element="p">
            {preview.rows === 0
              ? `The query returned no rows in the last ${CHECK_DAYS} days: nothing to preview.`
              : `${preview.rows} rows in the last ${CHECK_DAYS} days, ${preview.valid} valid ${KIND_LABELS[kind].toLowerCase()}` +
                (preview.sample.length < preview.rows ? `; the first ${preview.sample.length}:` : ':')}
          </Text>
          {preview.sample.length > 0 && (
            <div className={styles.scroll}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    {Object.keys(preview.sample[0]).map((field) => (
                      <th key={field}>{field}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row, r) => (
                    <tr key={r}>
                      {Object.keys(row).map((field) => (
                        <td key={field}>{row[field]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.problems.length > 0 && (
            <Alert severity="warning" title={`Rows the data source would leave out`}>
              <ul className={styles.list}>
                {preview.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
                {preview.moreProblems > 0 && <li>{preview.moreProblems} more problems</li>}
              </ul>
            </Alert>
          )}
        </div>
      )}
    </>
  );
}

interface ColumnFieldProps {
  id: string;
  field: EventField;
  value: string | undefined;
  /** The loaded columns. */
  options: Array<ComboboxOption<string>>;
  loaded: boolean;
  disabled: boolean;
  onChange: (field: string, column: string | undefined) => void;
}

/** One event field's column: the loaded columns with their types, or a name typed by hand (kept as it is). */
const ColumnField = React.memo(function ColumnField({
  id,
  field,
  value,
  options,
  loaded,
  disabled,
  onChange,
}: ColumnFieldProps) {
  const withValue =
    value && !options.some((o) => o.value === value)
      ? [{ value, label: value, description: loaded ? 'not in the loaded columns' : undefined }, ...options]
      : options;
  return (
    <InlineField
      label={`${field.name}${field.required ? ' *' : ''}`}
      htmlFor={id}
      labelWidth={28}
      tooltip={`${field.help}${field.required ? ' (required)' : ''}`}
    >
      <Combobox<string>
        id={id}
        width={30}
        options={withValue}
        value={value ?? null}
        placeholder={field.required ? 'column (required)' : 'column'}
        createCustomValue
        isClearable
        disabled={disabled}
        onChange={(o) => onChange(field.name, o?.value)}
      />
    </InlineField>
  );
});

/** The column inputs as one child of their Field (which passes `invalid` to its child; the inputs show no state). */
function ColumnList({ children }: { children: React.ReactNode; invalid?: boolean }) {
  return <div>{children}</div>;
}

const getStyles = (theme: GrafanaTheme2) => ({
  preview: css({ marginBottom: theme.spacing(2), maxWidth: theme.spacing(120) }),
  scroll: css({ overflowX: 'auto', marginBottom: theme.spacing(1) }),
  table: css({
    fontSize: theme.typography.bodySmall.fontSize,
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      border: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
      maxWidth: theme.spacing(40),
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    th: { background: theme.colors.background.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
