import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { proxyTo } from '../gateway/proxy-upstream.js';
import { closeServer } from '../http-server.js';
import type { TestCertificates } from '../tls-certificates.js';
import { authenticate, type KubeUser } from './api-server/authenticate.js';
import {
  AUTHENTICATED_USERS,
  forbiddenMessage,
  type ProxyAuthorizer,
  verbOf,
} from './api-server/authorize.js';
import { parseServiceProxyPath, type ServiceProxyTarget } from './api-server/service-proxy-path.js';
import { sendStatus } from './api-server/status.js';

/** A Service and, per port, the endpoint behind it (a pod's `http://127.0.0.1:<port>` here). */
export interface KubeService {
  namespace: string;
  name: string;
  ports: ReadonlyArray<{ name?: string; port: number; endpoint: () => Promise<string> }>;
}

export interface KubeApiServerOptions {
  /** The serving certificate and key; their CA is also the client CA (as kubeadm's cluster CA is). */
  certificates: TestCertificates;
  /**
   * `if-given` (kube-apiserver's behaviour: a certificate is verified when sent)
   * or `required` (the TLS handshake fails without one, so a test proves mTLS happened).
   */
  clientCertificates?: 'if-given' | 'required';
  /** Bearer tokens the server accepts, and the user each names (static token file, `--token-auth-file`). */
  tokens?: Readonly<Record<string, string>>;
  /** Who may use `services/proxy`. Default: every authenticated user. */
  authorize?: ProxyAuthorizer;
  services: readonly KubeService[];
}

/** One request as the API server handled it. Never the credential. */
export interface KubeApiRequest {
  readonly method: string;
  readonly path: string;
  readonly user: string | undefined;
  readonly via: KubeUser['via'] | undefined;
  readonly status: number;
}

export interface KubeApiServer {
  /** `https://127.0.0.1:<port>`: the cluster's `server`. */
  readonly url: string;
  /** The CA that signed the serving and client certificates (a kubeconfig's `certificate-authority-data`). */
  readonly ca: string;
  readonly requests: KubeApiRequest[];
  /** Accept `token` for `user` from now on. */
  addToken(token: string, user: string): void;
  /** Refuse `token` from now on (a rotated or revoked token). */
  revokeToken(token: string): void;
  stop(): Promise<void>;
}

/**
 * A stand-in for kube-apiserver's service proxy over real TLS: it
 * authenticates (client certificate, bearer token, anonymous), authorizes
 * `services/proxy`, and forwards `/api/v1/namespaces/{ns}/services/{id}/proxy/...`
 * to the Service's endpoint, as kube-apiserver pkg/registry/core/service
 * (`ProxyREST`, `ResourceLocation`) does. Everything else is a 404.
 */
export async function startKubeApiServer(options: KubeApiServerOptions): Promise<KubeApiServer> {
  const { certificates } = options;
  const tokens = new Map<string, KubeUser>();
  const addToken = (token: string, user: string) =>
    tokens.set(token, { name: user, groups: ['system:authenticated'], via: 'token' });
  for (const [token, user] of Object.entries(options.tokens ?? {})) addToken(token, user);
  const authorize = options.authorize ?? AUTHENTICATED_USERS;
  const requests: KubeApiRequest[] = [];

  const server = createServer(
    {
      key: certificates.key,
      cert: certificates.cert,
      ca: certificates.ca,
      requestCert: true,
      rejectUnauthorized: options.clientCertificates === 'required',
    },
    (request, response) => {
      const record = (user: KubeUser | undefined) =>
        response.once('finish', () =>
          requests.push({
            method: request.method ?? 'GET',
            path: new URL(request.url ?? '/', 'https://x.invalid').pathname,
            user: user?.name,
            via: user?.via,
            status: response.statusCode,
          }),
        );
      handle(request, response, record).catch((error: unknown) => {
        if (!response.headersSent) sendStatus(response, 503, 'ServiceUnavailable', String(error));
        else response.destroy();
      });
    },
  );

  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    record: (user: KubeUser | undefined) => void,
  ): Promise<void> {
    // A certificate that was sent but did not verify. kube-apiserver (tls.VerifyClientCertIfGiven) fails the
    // handshake; Node cannot verify only-if-given, so the handshake completes and the request is refused here.
    const socket = request.socket as TLSSocket;
    if (!socket.authorized && socket.getPeerCertificate()?.subject) {
      record(undefined);
      sendStatus(response, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    const authentication = authenticate(request, tokens);
    if ('refused' in authentication) {
      record(undefined);
      sendStatus(response, 401, 'Unauthorized', authentication.refused);
      return;
    }
    const { user } = authentication;
    const target = parseServiceProxyPath(request.url ?? '/');
    if (target === undefined) {
      record(user);
      sendStatus(response, 404, 'NotFound', 'the server could not find the requested resource');
      return;
    }
    if (target === 'invalid') {
      record(user);
      sendStatus(response, 400, 'BadRequest', `invalid service request ${JSON.stringify(request.url)}`);
      return;
    }
    const attributes = {
      verb: verbOf(request.method ?? 'GET'),
      namespace: target.namespace,
      name: target.id,
    };
    if (!authorize(user, attributes)) {
      record(user);
      sendStatus(response, 403, 'Forbidden', forbiddenMessage(user, attributes), {
        name: target.id,
        kind: 'services',
      });
      return;
    }
    const endpoint = findEndpoint(options.services, target);
    if ('status' in endpoint) {
      record(user);
      sendStatus(response, endpoint.status, endpoint.reason, endpoint.message, endpoint.details);
      return;
    }
    await forward(request, response, target, await endpoint.url(), record, user);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ca: certificates.ca,
    requests,
    addToken,
    revokeToken: (token) => {
      tokens.delete(token);
    },
    stop: () => closeServer(server),
  };
}

type EndpointLookup =
  | { url: () => Promise<string> }
  | {
      status: number;
      reason: 'NotFound' | 'ServiceUnavailable';
      message: string;
      details?: { name: string; kind: string };
    };

/** kube-apiserver's `ResourceLocation` for services: the Service, then its port by number or name. */
function findEndpoint(services: readonly KubeService[], target: ServiceProxyTarget): EndpointLookup {
  const service = services.find((s) => s.namespace === target.namespace && s.name === target.name);
  if (!service) {
    return {
      status: 404,
      reason: 'NotFound',
      message: `services "${target.name}" not found`,
      details: { name: target.name, kind: 'services' },
    };
  }
  let portName = target.port;
  if (/^\d+$/.test(portName)) {
    const byNumber = service.ports.find((port) => port.port === Number(portName));
    if (!byNumber) {
      return {
        status: 503,
        reason: 'ServiceUnavailable',
        message: `no service port ${Number(portName)} found for service "${service.name}"`,
      };
    }
    portName = byNumber.name ?? '';
  }
  const port = service.ports.find((candidate) => (candidate.name ?? '') === portName);
  if (!port) {
    return {
      status: 503,
      reason: 'ServiceUnavailable',
      message: `no endpoints available for service "${target.id}"`,
    };
  }
  return { url: port.endpoint };
}

/**
 * Forwards to the endpoint with the scheme asked for. The Authorization header
 * is gone by then: kube-apiserver's authentication filter deletes it once the
 * request is authenticated (k8s.io/apiserver pkg/endpoints/filters/authentication.go),
 * so the Service never sees the caller's Kubernetes credential.
 */
async function forward(
  request: IncomingMessage,
  response: ServerResponse,
  target: ServiceProxyTarget,
  endpoint: string,
  record: (user: KubeUser | undefined) => void,
  user: KubeUser,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'authorization' || name.startsWith('impersonate-') || name === 'host') continue;
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  record(user);
  const origin = new URL(endpoint);
  if (target.scheme === 'https') origin.protocol = 'https:';
  const send = proxyTo(async () => origin.origin);
  try {
    const answer = await send({
      method: request.method ?? 'GET',
      path: target.path,
      headers,
      body: Buffer.concat(chunks),
      identity: { via: `kubernetes-${user.via}`, user: user.name, credentialId: '' },
    });
    response.writeHead(answer.status, answer.headers).end(answer.body);
  } catch (error) {
    // The proxy's error responder (k8s.io/apimachinery pkg/util/proxy): 503 with what the dial said.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    sendStatus(
      response,
      503,
      'ServiceUnavailable',
      `error trying to reach service: ${cause?.code ?? cause?.message ?? String(error)}`,
    );
  }
}
