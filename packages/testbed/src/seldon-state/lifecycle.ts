/**
 * How long the emulated controllers take, in reads rather than time, so a
 * test's waits are deterministic: counting the reads since a resource was
 * written, the Nth one sees the new state.
 */
export interface SeldonTiming {
  /** The read of a new or changed SeldonDeployment that sees it Available (or Failed); earlier ones see `Creating`. Default 2. */
  deploymentReads?: number;
  /** The read of a new or changed Core v2 Model or Pipeline that sees it Ready (or failed). Default 2. */
  coreV2Reads?: number;
  /** The read of a deleted resource that finds it gone; earlier ones see it with a `deletionTimestamp`. Default 2. */
  deletionReads?: number;
  /** Reads of a batch job in each of `Pending` and `Running` before its outcome. Default 1. */
  batchJobReads?: number;
}

export function resolveTiming(timing: SeldonTiming = {}): Required<SeldonTiming> {
  return {
    deploymentReads: timing.deploymentReads ?? 2,
    coreV2Reads: timing.coreV2Reads ?? 2,
    deletionReads: timing.deletionReads ?? 2,
    batchJobReads: timing.batchJobReads ?? 1,
  };
}

/** Counts reads down to a change of state. */
export class ReadCountdown {
  private left: number;

  constructor(reads: number) {
    this.left = reads;
  }

  /** Counts one read; true on the read that runs the countdown out, and on every later one. */
  read(): boolean {
    if (this.left > 0) this.left -= 1;
    return this.left === 0;
  }

  get done(): boolean {
    return this.left === 0;
  }
}
