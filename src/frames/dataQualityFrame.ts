/** Data-quality findings as a table: what the numbers could not use, and why. */
import { DataQualityFinding } from '../engine';
import { FrameDescription } from './frame';

const SEVERITY_ORDER: Record<DataQualityFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

export function dataQualityFrame(findings: DataQualityFinding[], refId: string): FrameDescription {
  const rows = findings
    .slice()
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
        (b.at ?? 0) - (a.at ?? 0)
    );
  const col = <T>(f: (d: DataQualityFinding) => T) => rows.map(f);
  return {
    refId,
    name: 'Data quality',
    fields: [
      { name: 'Kind', type: 'string', values: col((d) => d.kind) },
      {
        name: 'Severity',
        type: 'string',
        values: col((d) => d.severity),
        config: {
          mappings: [
            {
              type: 'value',
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
      { name: 'Subject', type: 'string', values: col((d) => d.subject) },
      { name: 'Service', type: 'string', values: col((d) => d.service ?? '') },
      { name: 'Message', type: 'string', values: col((d) => d.message) },
      { name: 'At', type: 'time', values: col((d) => d.at ?? null) },
    ],
  };
}
