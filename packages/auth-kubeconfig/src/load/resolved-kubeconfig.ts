/** The exec credential plugin of a kubeconfig user (client-go `ExecConfig`), checked. */
export interface ExecConfig {
  readonly apiVersion: ExecApiVersion;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly installHint: string | undefined;
  readonly provideClusterInfo: boolean;
  readonly interactiveMode: InteractiveMode;
}

export const EXEC_API_VERSIONS = [
  'client.authentication.k8s.io/v1',
  'client.authentication.k8s.io/v1beta1',
] as const;
export type ExecApiVersion = (typeof EXEC_API_VERSIONS)[number];
export const INTERACTIVE_MODES = ['Never', 'IfAvailable', 'Always'] as const;
export type InteractiveMode = (typeof INTERACTIVE_MODES)[number];

export interface ResolvedCluster {
  readonly name: string;
  readonly file: string;
  /** `server`, without a trailing slash. */
  readonly server: string;
  /** PEM of `certificate-authority(-data)`. */
  readonly ca: string | undefined;
  readonly insecureSkipTlsVerify: boolean;
  /** `tls-server-name`: the name to send as SNI and to verify the server's certificate against. */
  readonly tlsServerName: string | undefined;
  /** `proxy-url`: the HTTP(S) proxy kubectl would go through for this cluster. */
  readonly proxyUrl: string | undefined;
  /** What an exec plugin with `provideClusterInfo` is told about the cluster (ExecCredential `spec.cluster`). */
  readonly execInfo: Record<string, unknown>;
}

export interface ResolvedUser {
  readonly name: string;
  readonly file: string;
  readonly token: string | undefined;
  readonly tokenFile: string | undefined;
  /** PEM of `client-certificate(-data)` and `client-key(-data)`: both or neither. */
  readonly clientCertificate: { readonly cert: string; readonly key: string } | undefined;
  readonly exec: ExecConfig | undefined;
}

/** The context in use with its cluster and user, every field checked and every file it names read. */
export interface ResolvedKubeconfig {
  readonly context: string;
  /** The context's `namespace`, when it sets one. */
  readonly namespace: string | undefined;
  readonly cluster: ResolvedCluster;
  readonly user: ResolvedUser;
}
