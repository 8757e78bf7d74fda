/**
 * The data source's annotation frames back into Grafana annotation events (processEvents). A frame without a
 * time field (e.g. one that only carries notices) gives no events.
 */
import { AnnotationEvent, DataFrame, Field } from '@grafana/data';
import { TAG_SEPARATOR } from '../frames/annotations/annotationFrame';

export function annotationEvents(frames: DataFrame[]): AnnotationEvent[] {
  const out: AnnotationEvent[] = [];
  for (const frame of frames) {
    const time = field(frame, 'time');
    if (!time) {
      continue;
    }
    const timeEnd = field(frame, 'timeEnd');
    const title = field(frame, 'title');
    const text = field(frame, 'text');
    const tags = field(frame, 'tags');
    const color = field(frame, 'color');
    const id = field(frame, 'id');
    for (let row = 0; row < time.values.length; row++) {
      const start = Number(time.values[row]);
      const end = timeEnd ? Number(timeEnd.values[row]) : start;
      const tagText = tags ? String(tags.values[row] ?? '') : '';
      out.push({
        id: id ? String(id.values[row]) : undefined,
        time: start,
        timeEnd: end,
        isRegion: end !== start,
        title: title ? String(title.values[row] ?? '') : undefined,
        text: text ? String(text.values[row] ?? '') : undefined,
        tags: tagText === '' ? [] : tagText.split(TAG_SEPARATOR),
        color: color ? String(color.values[row]) : undefined,
      });
    }
  }
  return out;
}

function field(frame: DataFrame, name: string): Field | undefined {
  return frame.fields.find((f) => f.name === name);
}
