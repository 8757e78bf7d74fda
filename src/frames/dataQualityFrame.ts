/** Data-quality findings as a table: what the numbers could not use, and why. */
import { createDataFrame, DataFrame, FieldType, MappingType } from '@grafana/data';
import { DataQualityFinding } from '../engine';

const SEVERITY_ORDER: Record<DataQualityFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

export function dataQualityFrame(findings: DataQualityFinding[], refId: string): DataFrame {
  const rows = findings
    .slice()
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
        (b.at ?? 0) - (a.at ?? 0)
    );
  const col = <T>(f: (d: DataQualityFinding) => T) => rows.map(f);
  return createDataFrame({
    refId,
    name: 'Data quality',
    fields: [
      { name: 'Kind', type: FieldType.string, values: col((d) => d.kind) },
      {
        name: 'Severity',
        type: FieldType.string,
        values: col((d) => d.severity),
        config: {
          mappings: [
            {
              type: MappingType.ValueToText,
              options: {
                error: { text: 'Error', color: 'red', index: 0 },
                warning: { text: 'Warning', color: 'orange', index: 1 },
                info: { text: 'Info', color: 'blue', index: 2 },
              },
            },
          ],
          custom: { cellOptions: { type: 'color-text' } },
        },
      },
      { name: 'Subject', type: FieldType.string, values: col((d) => d.subject) },
      { name: 'Service', type: FieldType.string, values: col((d) => d.service ?? '') },
      { name: 'Message', type: FieldType.string, values: col((d) => d.message) },
      { name: 'At', type: FieldType.time, values: col((d) => d.at ?? null) },
    ],
  });
}
