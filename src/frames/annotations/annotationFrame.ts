/**
 * Annotation rows as a frame with the field names Grafana's annotation mapping knows (time, timeEnd, title, text,
 * tags, color, id), newest first. Tags are one comma-separated string, so every text field passes the data
 * source's redaction like any other string.
 */
import { FrameDescription } from '../frame';
import { AnnotationRow } from './row';

export const TAG_SEPARATOR = ', ';

export function annotationFrame(rows: AnnotationRow[], refId: string, name: string): FrameDescription {
  const sorted = rows.slice().sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const col = <T>(f: (r: AnnotationRow) => T) => sorted.map(f);
  return {
    refId,
    name,
    fields: [
      { name: 'time', type: 'time', values: col((r) => r.time) },
      { name: 'timeEnd', type: 'time', values: col((r) => r.timeEnd) },
      { name: 'title', type: 'string', values: col((r) => r.title) },
      { name: 'text', type: 'string', values: col((r) => r.text) },
      { name: 'tags', type: 'string', values: col((r) => r.tags.join(TAG_SEPARATOR)) },
      { name: 'color', type: 'string', values: col((r) => r.color) },
      { name: 'id', type: 'string', values: col((r) => r.id) },
    ],
  };
}
