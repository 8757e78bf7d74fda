/**
 * What the source has already read, kept between refreshes so an unchanged refresh only asks "anything new?":
 * incidents created since the last read, the ones still open, and log entries since the last read. Resolved
 * incidents do not change in PagerDuty (a resolved incident cannot be reopened). Raw answers are kept, not events:
 * mapping stays pure and re-runs on every refresh. Bounded, module-level.
 */
import { Instant } from '../../engine';
import { BoundedMap } from '../boundedMap';
import { PdIncident, PdLogEntry, PdService } from './apiTypes';

export interface IncidentState {
  /** Services, urgencies and teams the state was read for. */
  key: string;
  /** Created-time start the state covers. */
  since: Instant;
  /** End of the last read (its `until`). */
  readUntil: Instant;
  incidents: Record<string, PdIncident>;
  /** Acknowledge, annotate and field-change log entries, by log entry id. */
  logEntries: Record<string, PdLogEntry>;
}

export interface ServiceListState {
  key: string;
  readAt: Instant;
  services: PdService[];
  /** Configured names/IDs that matched nothing. */
  missing: string[];
  /** Set when the teams could not be read (then `services` is empty). */
  teamError?: unknown;
}

export interface PagerDutySnapshot {
  services?: ServiceListState;
  incidents?: IncidentState;
}

export class SnapshotStore {
  private readonly snapshots: BoundedMap<string, PagerDutySnapshot>;

  constructor(max = 50) {
    this.snapshots = new BoundedMap(max);
  }

  get(key: string): PagerDutySnapshot {
    const snapshot = this.snapshots.touch(key) ?? {};
    this.snapshots.set(key, snapshot);
    return snapshot;
  }

  clear(): void {
    this.snapshots.clear();
  }
}

export const sharedSnapshots = new SnapshotStore();
