/**
 * A list GitHub returns newest update first (pull requests, incident issues). A refresh keeps what the last read
 * had that was updated since the look-back start, and reads pages only until the first item updated neither
 * since the look-back start nor since the last read (the watermark): reviews, labels, merges and closing all
 * move updatedAt.
 */
import { toInstant } from '../mapper';
import { ListState } from '../snapshot';
import { PageDecision } from '../client';

interface UpdatedNode {
  number: number;
  updatedAt: string;
}

export class UpdatedList<T extends UpdatedNode> {
  readonly items: Record<string, T> = {};
  watermark: number | undefined;
  private readonly previousWatermark: number | undefined;

  constructor(
    readonly key: string,
    readonly since: number,
    previous: ListState<T> | undefined
  ) {
    for (const [id, node] of Object.entries(previous?.items ?? {})) {
      if (updatedAt(node) >= since) {
        this.items[id] = node;
      }
    }
    this.watermark = previous?.watermark;
    this.previousWatermark = previous?.watermark;
  }

  /** pageConnection's page handler. */
  readonly take = (nodes: T[]): PageDecision => {
    for (const node of nodes) {
      const updated = updatedAt(node);
      if (updated < this.since || (this.previousWatermark !== undefined && updated < this.previousWatermark)) {
        return 'stop';
      }
      this.items[String(node.number)] = node;
      this.watermark = Math.max(this.watermark ?? updated, updated);
    }
    return 'continue';
  };

  readonly state = (): ListState<T> => ({
    key: this.key,
    since: this.since,
    items: this.items,
    watermark: this.watermark,
  });
}

function updatedAt(node: UpdatedNode): number {
  return toInstant(node.updatedAt) ?? 0;
}
