import { scheduleToTrigger as kfpTrigger, type RecurringSchedule } from '@ml-platform/core/kfp';
import type { Trigger } from '../schemas.js';

export type { RecurringSchedule } from '@ml-platform/core/kfp';

/** The API's `trigger` for a schedule, after validating it the way the API server would. */
export function scheduleToTrigger(schedule: RecurringSchedule): Trigger {
  return kfpTrigger(schedule);
}
