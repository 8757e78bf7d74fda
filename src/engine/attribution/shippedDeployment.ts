/** The attributed deployment attribute() produces: the SHAs ancestry found are read from its attributed changes, not copied. */
import { Deployment, Instant } from '../model';
import { AttributedChange, AttributedDeployment, FailureReason, ReworkReason } from './types';

/** changes[start .. end): the attributed changes of one deployment, in the order of its SHAs. */
export class ShippedStretch {
  constructor(
    readonly changes: readonly AttributedChange[],
    readonly start: number,
    readonly end: number
  ) {}
}

/**
 * changeShas is a list of the deployment's own (the provider's; null when unknown) or, when ancestry found them, read
 * from the stretch of the attributed changes attributed to it: a million changes' SHAs then take no array entry
 * each (about 10 MiB at full scale). Read so, the list is built anew on each read. Where it comes from is held in a
 * property that is not enumerable: the object's own enumerable fields are those of AttributedDeployment but
 * changeShas, so comparing two results compares what they say, not where in the run their changes lie.
 */
export class ShippedDeployment implements AttributedDeployment {
  declare rollbackOf?: string;
  declare failureStartAt?: Instant;
  declare restoredAt?: Instant;
  declare recoveryMs?: number | null;
  declare restoredBy?: string;
  /** Set once, not enumerable (see above). */
  declare private readonly shas: string[] | null | ShippedStretch;

  constructor(
    readonly deployment: Deployment,
    readonly team: string,
    shas: string[] | null | ShippedStretch,
    readonly changeMethod: AttributedDeployment['changeMethod'],
    readonly isRedeploy: boolean,
    readonly isRollback: boolean,
    readonly failed: boolean,
    readonly failureReasons: FailureReason[],
    readonly isRework: boolean,
    readonly reworkReasons: ReworkReason[],
    readonly incidentIds: string[]
  ) {
    Object.defineProperty(this, 'shas', { value: shas });
  }

  get changeShas(): string[] | null {
    const shas = this.shas;
    if (!(shas instanceof ShippedStretch)) {
      return shas;
    }
    const out: string[] = new Array(shas.end - shas.start);
    for (let k = shas.start; k < shas.end; k++) {
      out[k - shas.start] = shas.changes[k].change.sha;
    }
    return out;
  }

  /** The plain object of the fields, changeShas as a list. */
  toJSON(): AttributedDeployment {
    const plain: AttributedDeployment = {
      deployment: this.deployment,
      team: this.team,
      changeShas: this.changeShas,
      changeMethod: this.changeMethod,
      isRedeploy: this.isRedeploy,
      isRollback: this.isRollback,
      failed: this.failed,
      failureReasons: this.failureReasons,
      isRework: this.isRework,
      reworkReasons: this.reworkReasons,
      incidentIds: this.incidentIds,
    };
    for (const key of OPTIONAL) {
      if (this[key] !== undefined) {
        Object.assign(plain, { [key]: this[key] });
      }
    }
    return plain;
  }
}

const OPTIONAL = ['rollbackOf', 'failureStartAt', 'restoredAt', 'recoveryMs', 'restoredBy'] as const;
