/** Stable codes of failures reading a response. */
export const ResponseErrorCode = {
  /** The body is larger than `maxResponseBytes`. */
  tooLarge: 'RESPONSE_TOO_LARGE',
  /** A 2xx answer whose body is not the JSON the API promises. */
  invalidJson: 'RESPONSE_INVALID_JSON',
} as const;

/** A JSON response larger than this is refused unless `maxResponseBytes` says otherwise: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
