import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OidcTestProvider, VerifiedToken } from './oidc-provider.js';

export interface ProtectedResourceOptions {
  /** Which token it takes: an ID token (Kubeflow's gateway, Seldon Deploy; default) or an access token. */
  accept?: 'id_token' | 'access_token';
  /** ID tokens must be issued to one of these clients (`aud`), like Istio's RequestAuthentication `audiences`. */
  audiences?: readonly string[];
}

/** One request the resource served; the token itself is never kept. */
export interface ResourceRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The user or client the token belonged to, when it was accepted. */
  readonly subject?: string;
  /** Length of the request body in bytes, to see that a replayed request kept its body. */
  readonly bodyBytes: number;
}

export interface ProtectedResource {
  readonly url: string;
  /** `baseUrl` for `createKfpV2Client` (KFP behind Kubeflow's gateway). */
  readonly kfpBaseUrl: string;
  /** `baseUrl` for `createSeldonDeployClient`. */
  readonly seldonBaseUrl: string;
  readonly requests: readonly ResourceRequest[];
  /** Refuses `token` from now on (a gateway that stopped trusting it), though it is still valid at the provider. */
  deny(token: string): void;
  stop(): Promise<void>;
}

const KFP_PREFIX = '/pipeline';
const SELDON_PREFIX = '/seldon-deploy/api/v1alpha1';

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A stand-in for a cluster behind an OIDC-checking gateway: answers KFP's
 * `GET /apis/v2beta1/healthz`, `POST /apis/v2beta1/experiments` (echoes the
 * body) and Seldon Deploy's `GET /healthcheck`, each only with a bearer token
 * the provider vouches for; anything else is 401 with Istio's messages.
 */
export async function startProtectedResource(
  provider: Pick<OidcTestProvider, 'verifyToken'>,
  options: ProtectedResourceOptions = {},
): Promise<ProtectedResource> {
  const accept = options.accept ?? 'id_token';
  const requests: ResourceRequest[] = [];
  const denied = new Set<string>();

  const authorize = async (request: IncomingMessage): Promise<VerifiedToken | string> => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return 'Jwt is missing';
    if (denied.has(match[1])) return 'Jwt verification fails';
    const verified = await provider.verifyToken(match[1]);
    if (!verified || verified.kind !== accept) return 'Jwt verification fails';
    if (verified.kind === 'id_token' && options.audiences && !options.audiences.includes(verified.clientId)) {
      return 'Audiences in Jwt are not allowed';
    }
    return verified;
  };

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = await readBody(request);
    const verdict = await authorize(request);
    const answer = (status: number, payload: unknown, subject?: string) => {
      requests.push({ method: request.method ?? '', path, status, bodyBytes: body.length, subject });
      json(response, status, payload);
    };
    if (typeof verdict === 'string') {
      answer(401, { code: 16, message: verdict });
      return;
    }
    if (request.method === 'GET' && path === `${KFP_PREFIX}/apis/v2beta1/healthz`) {
      answer(200, { multi_user: true, pipeline_store: 'database' }, verdict.subject);
    } else if (request.method === 'POST' && path === `${KFP_PREFIX}/apis/v2beta1/experiments`) {
      const experiment = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      answer(
        200,
        { ...experiment, experiment_id: randomUUID(), storage_state: 'AVAILABLE' },
        verdict.subject,
      );
    } else if (request.method === 'GET' && path === `${SELDON_PREFIX}/healthcheck`) {
      answer(200, { Elastic: 'ok', Prometheus: 'ok' }, verdict.subject);
    } else {
      answer(404, { code: 5, message: `no route for ${request.method} ${path}` }, verdict.subject);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    kfpBaseUrl: `${url}${KFP_PREFIX}`,
    seldonBaseUrl: `${url}${SELDON_PREFIX}`,
    requests,
    deny: (token) => denied.add(token),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
