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
