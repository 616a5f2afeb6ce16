import { ApiError } from './api-error.js';
import { type FetchResultLike, unwrap } from './unwrap.js';

/** Whether `error` is the API saying a resource does not exist (HTTP 404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Like {@link unwrap}, but undefined when the API answered that the resource does not exist (HTTP 404). */
export function unwrapFound<Data>(result: FetchResultLike<Data>): Data | undefined {
  try {
    return unwrap(result);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
