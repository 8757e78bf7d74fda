/** Generated demo days, kept per (seed, UTC day): a dashboard refresh does not regenerate 180 days. */
import { Instant } from '../../engine';
import { startOfUtcDay } from './calendar';
import { DemoData, generateDemoData } from './generate';

const MAX_DAYS_KEPT = 4;
const days = new Map<string, DemoData>();

export function demoDataFor(seed: number, now: Instant): DemoData {
  const key = `${seed}:${startOfUtcDay(now)}`;
  let data = days.get(key);
  if (!data) {
    data = generateDemoData(seed, now);
    days.set(key, data);
    if (days.size > MAX_DAYS_KEPT) {
      // Maps iterate in insertion order: the first key is the oldest.
      days.delete(days.keys().next().value as string);
    }
  }
  return data;
}
