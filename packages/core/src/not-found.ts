import { ApiError } from './api-error.js';

/** Whether `error` is the API saying a resource does not exist (HTTP 404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
