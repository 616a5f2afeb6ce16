import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Who the API server decided the caller is (k8s.io/apiserver pkg/authentication/user.Info). */
export interface KubeUser {
  readonly name: string;
  readonly groups: readonly string[];
  /** How: `x509`, `token` or `anonymous`. */
  readonly via: 'x509' | 'token' | 'anonymous';
}

export type Authentication = { user: KubeUser } | { refused: string };

/**
 * kube-apiserver's authenticator chain, the two parts a kubeconfig uses, then
 * anonymous (k8s.io/apiserver pkg/authentication/request/union, x509, bearertoken,
 * anonymous; kube-apiserver's default `--anonymous-auth=true`):
 * - a client certificate the TLS layer verified against the client CA: user = CN,
 *   groups = O (request/x509 `CommonNameUserConversion`);
 * - else a bearer token: a known one names its user; an unknown one is a 401,
 *   never anonymous (bearertoken returns the error, the union stops);
 * - else `system:anonymous` in `system:unauthenticated`, which RBAC then refuses.
 */
export function authenticate(
  request: IncomingMessage,
  tokens: ReadonlyMap<string, KubeUser>,
): Authentication {
  const socket = request.socket as TLSSocket;
  if (socket.authorized) {
    const subject = socket.getPeerCertificate().subject as Record<string, string | string[]> | undefined;
    const commonName = [subject?.CN ?? []].flat()[0];
    if (commonName) {
      return { user: { name: commonName, groups: [subject?.O ?? []].flat(), via: 'x509' } };
    }
  }
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match?.[1] ? tokens.get(match[1]) : undefined;
    if (!user) return { refused: 'Unauthorized' };
    return { user };
  }
  return { user: { name: 'system:anonymous', groups: ['system:unauthenticated'], via: 'anonymous' } };
}
