/** Per-change numbers attribute() writes as it attributes changes, kept on its list so metrics need not read a million objects. */
import { AttributedChange, AttributedDeployment } from './types';

/**
 * For changes[i] as attribute() produced them: the position of its deployment in `deployments` (the list it was
 * attributed with), its lead time in ms (NaN when it has none: what leadTimeMs null says), and the indexes of the
 * changes with a lead time breakdown, in order. Reading these instead of each change's getters spares the metrics a
 * pass over a million objects (a cache miss and several calls each).
 */
export class ShippedColumns {
  constructor(
    readonly deployments: readonly AttributedDeployment[],
    readonly deployment: Int32Array,
    readonly leadTimeMs: Float64Array,
    readonly withBreakdown: Int32Array
  ) {}
}

/** Not enumerable: JSON and comparisons of the changes list do not see it; a copied or filtered list has none. */
const PROPERTY = '__shippedColumns';

export function keepShippedColumns(changes: AttributedChange[], columns: ShippedColumns): void {
  if (Object.isExtensible(changes)) {
    Object.defineProperty(changes, PROPERTY, { value: columns, enumerable: false, configurable: true, writable: true });
  }
}

/**
 * The columns attribute() kept on `changes`, when they still describe it: the same length and the same deployments
 * list. Undefined otherwise (a list built elsewhere, or results put together anew), so readers fall back to the
 * changes themselves.
 */
export function shippedColumnsOf(
  changes: readonly AttributedChange[],
  deployments: readonly AttributedDeployment[]
): ShippedColumns | undefined {
  const kept = (changes as unknown as Record<string, ShippedColumns | undefined>)[PROPERTY];
  return kept !== undefined &&
    kept instanceof ShippedColumns &&
    kept.deployments === deployments &&
    kept.leadTimeMs.length === changes.length
    ? kept
    : undefined;
}
