import { invalidOption } from '@ml-platform/core';
import type { RecurringSchedule } from './schedule.js';

/** The scheduling options of `createRecurringRun`, the same in both API versions. */
export interface RecurringRunScheduling {
  /** A cron expression or an interval, exactly one. */
  schedule: RecurringSchedule;
  /** Runs allowed at the same time, 1 to 10. Default 1. */
  maxConcurrency?: number | undefined;
  /** When behind schedule, start only the latest missed run instead of every one. */
  noCatchup?: boolean | undefined;
  /** Start scheduling right away. Default true. */
  enabled?: boolean | undefined;
}

/** Checks `maxConcurrency` and `enabled` before anything is sent, and fills in their defaults. */
export function recurringRunLimits(scheduling: RecurringRunScheduling): {
  /** int64 travels as a string in protobuf's JSON; the server refuses 0, which is what leaving it out would send. */
  max_concurrency: string;
  enabled: boolean;
} {
  const maxConcurrency = scheduling.maxConcurrency ?? 1;
  if (!(Number.isSafeInteger(maxConcurrency) && maxConcurrency >= 1 && maxConcurrency <= 10)) {
    throw invalidOption(
      `maxConcurrency must be a whole number from 1 to 10 (KFP's range), got ${String(maxConcurrency)}.`,
    );
  }
  if (scheduling.enabled !== undefined && typeof scheduling.enabled !== 'boolean') {
    throw invalidOption('enabled must be true or false.');
  }
  return { max_concurrency: String(maxConcurrency), enabled: scheduling.enabled ?? true };
}
