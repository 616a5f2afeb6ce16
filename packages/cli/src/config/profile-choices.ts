// The allowed values of a profile's settings, apart from the config file's
// code so that the command tree (loaded at every start) stays free of it.
export const AUTH_KINDS = ['none', 'sa-token', 'token', 'oidc', 'dex', 'kubeconfig'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];
/** How the OIDC auth kind gets tokens: the first two unattended, the last three by `mlp login`. */
export const OIDC_FLOWS = [
  'client-credentials',
  'password',
  'device-code',
  'loopback',
  'out-of-band',
] as const;
export type OidcFlowChoice = (typeof OIDC_FLOWS)[number];
/** The flows `mlp login` runs with a person at the terminal. */
export const OIDC_LOGINS = ['device-code', 'loopback', 'out-of-band'] as const;
export type OidcLogin = (typeof OIDC_LOGINS)[number];
