import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  /** The Authorization header as received (undefined when absent). */
  readonly authorization: string | undefined;
  readonly status: number;
}

export interface KfpAuthEmulator {
  /** `http://127.0.0.1:<port>`; a client's baseUrl. */
  readonly url: string;
  /** Every answered request, in order. */
  readonly requests: readonly SeenRequest[];
  /** Accept only these tokens from now on (the currently valid one(s)). */
  accept(...tokens: string[]): void;
  /** How many answered requests carried `Bearer <token>` and got `status`. */
  count(token: string, status: number): number;
  /** Holds arriving requests until `count` are held, runs `then`, and only then judges and answers them. Once. */
  holdUntil(count: number, then: () => void): void;
  /** Called with the running count of arrived requests, before each is judged. */
  onArrival(listener: (arrived: number) => void): void;
  close(): Promise<void>;
}

/**
 * Emulates how the Kubeflow Pipelines API authenticates a ServiceAccount
 * token (no KFP backend can run here):
 * - kubeflow/pipelines backend/src/apiserver/auth/auth.go and
 *   authenticator_token_review.go: the token is the single `Authorization`
 *   header value after the `Bearer ` prefix; the API server sends it in a
 *   TokenReview (audience `pipelines.kubeflow.org`) and treats anything but
 *   `authenticated: true` as Unauthenticated;
 * - a TokenReview refuses a token whose `exp` has passed, and one the
 *   kubelet has since replaced is emulated as refused too (stricter than a
 *   real cluster, where the previous token stays valid until its `exp`);
 * - gRPC Unauthenticated (16) reaches HTTP clients through grpc-gateway as
 *   401 with a google.rpc.Status body `{ code, message, details }`.
 * Any GET answers 200 with a small JSON body once authenticated (KFP's
 * healthz answers `{ multi_user }`).
 */
export async function startKfpAuthEmulator(initialTokens: string[]): Promise<KfpAuthEmulator> {
  let accepted = new Set(initialTokens);
  const requests: SeenRequest[] = [];
  const listeners: Array<(arrived: number) => void> = [];
  let arrived = 0;
  let hold: { count: number; then: () => void; held: Array<() => void> } | undefined;

  const judge = (request: IncomingMessage, response: ServerResponse) => {
    const authorization = request.headers.authorization;
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    const ok = token !== undefined && token !== '' && accepted.has(token) && !isExpired(token);
    const status = ok ? 200 : 401;
    requests.push({ method: request.method ?? '', path: request.url ?? '', authorization, status });
    const body = ok
      ? { multi_user: true }
      : { code: 16, message: 'Authentication failure: Review.Status.Authenticated is false', details: [] };
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      arrived += 1;
      for (const listener of listeners) listener(arrived);
      if (!hold) {
        judge(request, response);
        return;
      }
      const current = hold;
      current.held.push(() => judge(request, response));
      if (current.held.length === current.count) {
        hold = undefined;
        current.then();
        for (const answer of current.held) answer();
      }
    });
  });
  // 1,000+ concurrent connections from one client; Node's default backlog (511) would make the kernel queue some.
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accept(...tokens) {
      accepted = new Set(tokens);
    },
    count(token, status) {
      return requests.filter((seen) => seen.authorization === `Bearer ${token}` && seen.status === status)
        .length;
    },
    holdUntil(count, then) {
      hold = { count, then, held: [] };
    },
    onArrival(listener) {
      listeners.push(listener);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function isExpired(token: string): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}
