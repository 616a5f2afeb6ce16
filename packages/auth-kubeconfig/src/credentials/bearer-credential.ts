import type { Credential } from '@ml-platform/core';

/** A bearer token. `value` is not enumerable, so logging or serializing the credential does not print it. */
export interface BearerCredential extends Credential {
  /** For token files: the identity of the file it was read from. */
  readonly fileIdentity?: string | undefined;
}

export function bearerCredential(
  token: string,
  fields: { expiresAt?: number; fileIdentity?: string },
): BearerCredential {
  const credential = { ...fields } as BearerCredential;
  Object.defineProperty(credential, 'value', { value: token, enumerable: false });
  return Object.freeze(credential);
}

/**
 * When to stop using an exec credential: `clockSkewMs` before it expires, but
 * never more than a quarter of the lifetime it had when it arrived. client-go
 * uses it up to the expiry itself; some room avoids a 401 and its replay.
 */
export function usableUntil(expiresAt: number, receivedAt: number, clockSkewMs: number): number {
  const lifetime = Math.max(expiresAt - receivedAt, 0);
  return expiresAt - Math.min(clockSkewMs, lifetime / 4);
}
