import { invalidOption } from '@ml-platform/core';
import { checkCronExpression } from './cron.js';

/**
 * A recurring run's `trigger` as both API versions spell it (v1beta1's
 * `apiTrigger`, v2beta1's `v2beta1Trigger`); int64 travels as a string.
 */
export interface KfpTrigger {
  cron_schedule?:
    | { cron?: string | undefined; start_time?: string | undefined; end_time?: string | undefined }
    | undefined;
  periodic_schedule?:
    | { interval_second?: string | undefined; start_time?: string | undefined; end_time?: string | undefined }
    | undefined;
}

interface ScheduleWindow {
  /** No run is scheduled before this time. */
  startTime?: Date | string;
  /** No run is scheduled after this time. */
  endTime?: Date | string;
}

/**
 * When a recurring run starts runs: exactly one of a cron expression (KFP's
 * six-field format, seconds first, or a descriptor such as `@hourly`,
 * `@every 1h30m`) and a fixed interval in seconds.
 */
export type RecurringSchedule =
  | (ScheduleWindow & { cron: string; intervalSeconds?: never })
  | (ScheduleWindow & { intervalSeconds: number; cron?: never });

/** The API's `trigger` for a schedule, after validating it the way the API server would. */
export function scheduleToTrigger(schedule: RecurringSchedule): KfpTrigger {
  if (!schedule || typeof schedule !== 'object') {
    throw invalidOption("schedule must be { cron: '0 0 2 * * *' } or { intervalSeconds: 3600 }.");
  }
  const hasCron = schedule.cron !== undefined;
  const hasInterval = schedule.intervalSeconds !== undefined;
  if (hasCron === hasInterval) {
    throw invalidOption(
      `schedule needs exactly one of cron and intervalSeconds, got ${hasCron ? 'both' : 'neither'}; ` +
        "e.g. { cron: '0 0 2 * * *' } (daily at 02:00) or { intervalSeconds: 3600 }.",
    );
  }
  const start_time = timestamp('schedule.startTime', schedule.startTime);
  const end_time = timestamp('schedule.endTime', schedule.endTime);
  if (start_time && end_time && Date.parse(end_time) <= Date.parse(start_time)) {
    throw invalidOption(`schedule.endTime (${end_time}) must be after schedule.startTime (${start_time}).`);
  }
  if (hasCron) return { cron_schedule: { cron: checkCronExpression(schedule.cron), start_time, end_time } };
  const seconds = schedule.intervalSeconds;
  if (!(typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds >= 1)) {
    throw invalidOption(
      `schedule.intervalSeconds must be a whole number of seconds >= 1, got ${String(seconds)}.`,
    );
  }
  // int64 travels as a string in protobuf's JSON.
  return { periodic_schedule: { interval_second: String(seconds), start_time, end_time } };
}

function timestamp(option: string, value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw invalidOption(`${option} must be a Date or an RFC 3339 timestamp such as '2025-06-01T00:00:00Z'.`);
  }
  return date.toISOString();
}
