import { scheduleToTrigger as kfpTrigger, type RecurringSchedule } from '@ml-platform/kfp-common';
import type { Trigger } from '../schemas.js';

export type { RecurringSchedule } from '@ml-platform/kfp-common';

/** The API's `trigger` for a schedule, after validating it the way the API server would. */
export function scheduleToTrigger(schedule: RecurringSchedule): Trigger {
  return kfpTrigger(schedule);
}
