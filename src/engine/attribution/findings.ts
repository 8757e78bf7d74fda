/** Collects data-quality findings; the result is sorted so it never depends on input order. */
import { compareText } from './order';
import { DataQualityFinding, DataQualityKind } from './types';

type Severity = DataQualityFinding['severity'];

export class Findings {
  private readonly items: DataQualityFinding[] = [];

  add(
    kind: DataQualityKind,
    severity: Severity,
    subject: string,
    message: string,
    extra?: { service?: string; at?: number; count?: number }
  ): void {
    const finding: DataQualityFinding = { kind, severity, subject, message };
    if (extra) {
      if (extra.service !== undefined) {
        finding.service = extra.service;
      }
      if (extra.at !== undefined) {
        finding.at = extra.at;
      }
      if (extra.count !== undefined) {
        finding.count = extra.count;
      }
    }
    this.items.push(finding);
  }

  sorted(): DataQualityFinding[] {
    return this.items.slice().sort(compareFindings);
  }
}

function compareFindings(a: DataQualityFinding, b: DataQualityFinding): number {
  return compareText(a.kind, b.kind) || compareText(a.subject, b.subject) || compareText(a.message, b.message);
}
