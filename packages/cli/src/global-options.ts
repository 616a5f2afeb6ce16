import type { AuthKind, OidcFlowChoice } from './config/profile-choices.js';

/** The connection settings a flag or a profile gives (see connection/connection-options.ts). */
export interface ConnectionFlags {
  auth?: AuthKind;
  tokenFile?: string;
  issuer?: string;
  clientId?: string;
  clientSecretFile?: string;
  flow?: OidcFlowChoice;
  username?: string;
  connector?: string;
  kubeconfig?: string;
  context?: string;
  kubeService?: string;
  caFile?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
}

/** The global options every command sees (commander's `optsWithGlobals()`). */
export interface GlobalOptions extends ConnectionFlags {
  endpoint?: string;
  namespace?: string;
  output?: OutputFormat;
  profile?: string;
  debug?: boolean;
}

export type OutputFormat = 'table' | 'json' | 'yaml';
