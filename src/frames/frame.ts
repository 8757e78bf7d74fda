/**
 * Frames as plain data: what the framers decide (fields, values, units, labels, display names, notices),
 * without Grafana's classes. The browser turns them into DataFrames (dataFrame.ts); the backend's
 * entry returns them as JSON and Go builds SDK frames from them. The shape follows Grafana's DataFrameDTO.
 */

export type FieldKind = 'time' | 'number' | 'string' | 'boolean';

export type FieldValue = number | string | boolean | null;

export interface ValueMappingDescription {
  type: 'value';
  options: Record<string, { text: string; color?: string; index?: number }>;
}

export interface ThresholdsDescription {
  mode: 'absolute' | 'percentage';
  /** The first step's value is -Infinity (JSON: null), as in Grafana. */
  steps: Array<{ value: number; color: string }>;
}

export interface DataLinkDescription {
  title: string;
  url: string;
  targetBlank?: boolean;
}

/** The subset of Grafana's FieldConfig the framers use. */
export interface FieldConfigDescription {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  noValue?: string;
  description?: string;
  displayNameFromDS?: string;
  mappings?: ValueMappingDescription[];
  thresholds?: ThresholdsDescription;
  color?: { mode: string };
  links?: DataLinkDescription[];
  custom?: Record<string, unknown>;
}

export interface FieldDescription {
  name: string;
  type: FieldKind;
  values: FieldValue[];
  labels?: Record<string, string>;
  config?: FieldConfigDescription;
}

export interface NoticeDescription {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

export interface FrameMetaDescription {
  type?: 'timeseries-multi';
  typeVersion?: [number, number];
  notices?: NoticeDescription[];
  preferredVisualisationType?: 'graph' | 'table' | 'logs' | 'trace' | 'nodeGraph' | 'flamegraph' | 'rawPrometheus';
  custom?: Record<string, unknown>;
}

export interface FrameDescription {
  refId?: string;
  name?: string;
  meta?: FrameMetaDescription;
  fields: FieldDescription[];
}
