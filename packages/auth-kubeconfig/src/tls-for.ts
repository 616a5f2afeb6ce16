import type { ResolvedKubeconfig } from './load/resolved-kubeconfig.js';

/** The TLS options a kubeconfig context asks for, in the shape of `@ml-platform/core`'s `tls` option. */
export interface KubeconfigTls {
  /** The cluster's `certificate-authority(-data)`, PEM. */
  ca?: string | undefined;
  /** The user's `client-certificate(-data)`, PEM. */
  cert?: string | undefined;
  /** The user's `client-key(-data)`, PEM. */
  key?: string | undefined;
  /** Only when the cluster entry says `insecure-skip-tls-verify: true`. */
  insecureSkipVerify?: boolean | undefined;
  /** The cluster's `tls-server-name`: sent as SNI and checked against the server's certificate. */
  serverName?: string | undefined;
}

export function tlsFor({ cluster, user }: ResolvedKubeconfig): KubeconfigTls | undefined {
  const tls: KubeconfigTls = {};
  if (cluster.ca !== undefined) tls.ca = cluster.ca;
  if (cluster.insecureSkipTlsVerify) tls.insecureSkipVerify = true;
  if (cluster.tlsServerName !== undefined) tls.serverName = cluster.tlsServerName;
  if (user.clientCertificate) {
    tls.cert = user.clientCertificate.cert;
    tls.key = user.clientCertificate.key;
  }
  return Object.keys(tls).length > 0 ? tls : undefined;
}
