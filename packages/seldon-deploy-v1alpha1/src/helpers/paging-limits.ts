import { invalidOption } from '@ml-platform/core';

/**
 * Checks the `pageSize` and `limit` every Seldon listing takes, whether it pages by token or by
 * page number, before any request is made.
 */
export function checkPagingLimits(options: {
  pageSize?: number | undefined;
  limit?: number | undefined;
}): void {
  const { pageSize, limit } = options;
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw invalidOption(`pageSize must be a positive integer, got ${String(pageSize)}.`);
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw invalidOption(`limit must be a non-negative integer, got ${String(limit)}.`);
  }
}
