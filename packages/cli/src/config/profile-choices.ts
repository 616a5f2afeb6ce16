// The allowed values of a profile's settings, apart from the config file's
// code so that the command tree (loaded at every start) stays free of it.
export const AUTH_KINDS = ['none', 'sa-token', 'oidc', 'dex'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];
export const OIDC_LOGINS = ['device-code', 'loopback', 'out-of-band'] as const;
export type OidcLogin = (typeof OIDC_LOGINS)[number];
