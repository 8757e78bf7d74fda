/** The notices a panel shows in its header: where the data came from and what it could not use. */
import { DataQualityFinding } from '../engine';
import { FrameDescription, NoticeDescription } from '../frames/frame';
import { SourceNotice } from '../sources/types';

export function demoNotice(demo: 'unconfigured' | 'enabled' | null): SourceNotice | undefined {
  if (demo === 'unconfigured') {
    return {
      severity: 'info',
      text:
        'Demo data: no provider is configured, so this data source serves generated demo events. ' +
        'Enable a provider (e.g. GitHub) in the data source settings to see your own delivery data.',
    };
  }
  if (demo === 'enabled') {
    return {
      severity: 'info',
      text: 'Demo data is enabled in the data source settings: generated demo events are mixed with your sources.',
    };
  }
  return undefined;
}

export function sourceFailureNotice(source: string, error: unknown): SourceNotice {
  return {
    severity: 'warning',
    text: `Source "${source}" failed: ${errorSentence(error)} The panel shows the other sources' data only.`,
  };
}

/** "Data quality: 3 unknown-changes, 1 unlinked-incident." counting grouped findings by their count. */
export function dataQualityNotice(findings: DataQualityFinding[]): SourceNotice | undefined {
  if (findings.length === 0) {
    return undefined;
  }
  const counts: Record<string, number> = {};
  const order: string[] = [];
  for (const f of findings) {
    if (counts[f.kind] === undefined) {
      counts[f.kind] = 0;
      order.push(f.kind);
    }
    counts[f.kind] += f.count ?? 1;
  }
  const parts = order.map((kind) => `${counts[kind]} ${kind}`);
  return {
    severity: 'info',
    text: `Data quality: ${parts.join(', ')} in the fetched events. A "Data quality" query lists them.`,
  };
}

/** Puts the notices on the query's first frame (Grafana shows each frame's notices; once is enough). */
export function attachNotices(frames: FrameDescription[], notices: SourceNotice[], refId: string): FrameDescription[] {
  const unique = dedupe(notices);
  if (unique.length === 0) {
    return frames;
  }
  const metaNotices: NoticeDescription[] = unique.map((n) => ({ severity: n.severity, text: n.text }));
  if (frames.length === 0) {
    return [{ refId, fields: [], meta: { notices: metaNotices } }];
  }
  const [first, ...rest] = frames;
  return [{ ...first, meta: { ...first.meta, notices: [...(first.meta?.notices ?? []), ...metaNotices] } }, ...rest];
}

function dedupe(notices: SourceNotice[]): SourceNotice[] {
  const seen = new Set<string>();
  return notices.filter((n) => {
    const key = `${n.severity}|${n.text}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** An error as a sentence for a notice or query error: its message, ending with a full stop. */
export function errorSentence(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
