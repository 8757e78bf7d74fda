/**
 * What an incident's own text says, in words every provider shares: an explicit cause introduced by "caused by",
 * "cause:", "introduced in", "regression from" or a cause: label (the target syntax is the provider's), when impact
 * started, and the severity from labels. Only explicit phrasing counts, so a SHA pasted in a log is not a cause.
 */
import { IncidentCause, Instant } from '../engine';

const CAUSE_LEAD = String.raw`(?:root[ -]cause|caused\s+by|cause|introduced\s+(?:in|by)|regression\s+(?:from|in))\s*(?:is|was)?\s*[:=-]?\s*`;

/** Reads one cause target (the text right after the lead), in the provider's syntax. */
export type CauseTarget = (target: string) => IncidentCause | undefined;

/** The text after the lead, without quotes, emphasis or brackets in front. */
function trimTarget(target: string): string {
  return target.replace(/^[\s`*_"'(\[:]+/, '');
}

/** The explicit cause an incident names in a label (cause:..., caused-by:...) or its text; labels win. */
export function findExplicitCause(text: string, labels: string[], read: CauseTarget): IncidentCause | undefined {
  for (const label of labels) {
    const m = /^(?:cause|caused[- ]by)\s*[:=]\s*(.+)$/i.exec(label.trim());
    const cause = m ? read(trimTarget(m[1])) : undefined;
    if (cause) {
      return cause;
    }
  }
  const lead = new RegExp(CAUSE_LEAD, 'gi');
  let m: RegExpExecArray | null;
  while ((m = lead.exec(text)) !== null) {
    const cause = read(trimTarget(text.slice(m.index + m[0].length, m.index + m[0].length + 200)));
    if (cause) {
      return cause;
    }
    if (m[0].length === 0) {
      lead.lastIndex++;
    }
  }
  return undefined;
}

/**
 * Impact start written in the text as "Impact start: 2024-05-01T10:00:00Z" (also "Started at", "Impact started",
 * "Start time"); an ISO time without zone is taken as UTC. Undefined when absent or unparsable.
 */
export function parseImpactStart(body: string): Instant | undefined {
  const m =
    /(?:impact\s+start(?:ed)?(?:\s+at)?|started\s+at|start\s+time)\s*[:=-]?\s*\**\s*(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?)/i.exec(
      body
    );
  if (!m) {
    return undefined;
  }
  let iso = m[1]
    .trim()
    .replace(' ', 'T')
    .replace(/\s*UTC$/i, 'Z');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    iso += 'Z';
  }
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : t;
}

/** Severity from labels such as "sev1", "SEV-2", "severity:high", "severity::high", "P1". */
export function parseSeverity(labels: string[]): string | undefined {
  for (const label of labels) {
    const m = /^(?:sev(?:erity)?[\s:=_-]*([a-z0-9]+)|(p[0-4]))$/i.exec(label.trim());
    if (m) {
      return (m[1] ?? m[2]).toLowerCase();
    }
  }
  return undefined;
}
