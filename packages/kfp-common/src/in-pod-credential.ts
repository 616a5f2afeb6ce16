// Shared by the in-pod auth plugin and the lookup it loads on the first request.

/** The name the zero-config in-pod auth plugin reports (in diagnostics and error messages). */
export const IN_POD_AUTH_NAME = '@ml-platform/kfp-common (zero-config in-pod auth)';

/** Stable code of the error a 401 gets when the zero-config lookup found no credential. */
export const NO_CREDENTIAL_CODE = 'AUTH_NO_CREDENTIAL_FOUND';

/** What the zero-config auth found, for messages and for `describe()`. */
export type InPodCredential =
  | { kind: 'service-account-token'; path: string; from: 'env' | 'default' }
  | { kind: 'none'; lookedAt: string[] };
