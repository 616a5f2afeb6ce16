import { NetworkErrorCode } from './network-error.js';

/** Stable codes of transport failures. */
export const TransportErrorCode = {
  timeout: 'REQUEST_TIMEOUT',
  ...NetworkErrorCode,
} as const;
