/** Stable codes of failures reading a response. */
export const ResponseErrorCode = {
  /** The body is larger than `maxResponseBytes`. */
  tooLarge: 'RESPONSE_TOO_LARGE',
  /** A 2xx answer whose body is not the JSON the API promises. */
  invalidJson: 'RESPONSE_INVALID_JSON',
} as const;
