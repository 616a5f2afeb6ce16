import type { AuthKind, OidcFlowChoice } from './config/profile-choices.js';

/** The connection settings a flag or a profile gives (see connection/connection-options.ts). */
export interface ConnectionFlags {
  auth?: AuthKind;
  /** token: a file holding the bearer token (re-read when it changes). */
  tokenFile?: string;
  /** OIDC: the provider's issuer URL. */
  issuer?: string;
  /** OIDC: the client id (default: deployKF's `kubeflow-pipelines-sdk`). */
  clientId?: string;
  /** OIDC: a file holding the client secret (confidential clients). */
  clientSecretFile?: string;
  /** OIDC: how tokens are obtained. */
  flow?: OidcFlowChoice;
  /** Dex and the OIDC password flow: the login name (the email for static passwords). */
  username?: string;
  /** Dex: the connector, e.g. `local` or `ldap`. */
  connector?: string;
  /** kubeconfig: the file (default KUBECONFIG, else ~/.kube/config). */
  kubeconfig?: string;
  /** kubeconfig: the context (default the file's current-context). */
  context?: string;
  /** kubeconfig: the KFP Service, `namespace/name:port` (default kubeflow/ml-pipeline:http). */
  kubeService?: string;
  /** TLS: a PEM bundle of the CAs to trust. */
  caFile?: string;
  /** TLS: a PEM client certificate (mutual TLS). */
  clientCertificate?: string;
  /** TLS: the PEM private key of the client certificate. */
  clientKey?: string;
  /** TLS: do not verify the server's certificate (a warning is printed on every use). */
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
