/**
 * A stand-in for Kubeflow's ingress (Kubeflow 1.9+ manifests, deployKF): the
 * Istio ingress gateway, oauth2-proxy and Dex on one origin, in front of the
 * APIs. What decides a request, in the order Envoy applies it:
 * - `/dex/*` and `/oauth2/*` reach Dex and oauth2-proxy without a session
 *   (oauth2-proxy's `skip_auth_routes`, the CUSTOM AuthorizationPolicy's `notPaths`);
 * - a request with an `Authorization` header skips oauth2-proxy (the CUSTOM
 *   policy's `when: request.headers[authorization] notValues ['*']`) and its
 *   bearer JWT is verified against the trusted issuers' keys
 *   (RequestAuthentication `jwtRules`, e.g. Kubeflow's `m2m-token-issuer` for
 *   ServiceAccount tokens); the user claim becomes `kubeflow-userid`;
 * - any other request goes through oauth2-proxy: a valid session cookie
 *   reaches the API as its user, an API call without one gets 401, a browser
 *   the sign-in page;
 * - each route then allows only the authentications its AuthorizationPolicy
 *   names; a `kubeflow-userid` sent by the client is never passed on.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createEmulatedDex } from '../dex/dex-provider.js';
import { type EmulatorRequest, parseCookieHeader } from '../dex/http.js';
import { createOAuth2ProxyGateway } from '../dex/oauth2-proxy-gateway.js';
import { type EmulatedUser, resolveOptions } from '../dex/options.js';
import { closeServer, listenOnLoopback } from '../http-server.js';
import { GatewayLog } from './gateway-log.js';
import { denyByPolicy, noRoute, rejectToken, upstreamFailed } from './istio-responses.js';
import { type JwtRule, verifyBearerJwt } from './jwt-rules.js';
import { type GatewayRoute, matchRoute } from './routes.js';
import type { GatewayIdentity, UpstreamResponse } from './upstream.js';

/** Kubeflow's oauth2-proxy cookie (common/oauth2-proxy/base/oauth2_proxy.cfg `cookie_name`). */
export const KUBEFLOW_SESSION_COOKIE = 'oauth2_proxy_kubeflow';
/** The header Kubeflow's gateway tells the APIs the user with (`kubeflow-userid`, no prefix). */
export const USER_ID_HEADER = 'kubeflow-userid';

export interface KubeflowGatewayOptions {
  routes: readonly GatewayRoute[];
  /** The issuers whose bearer tokens are accepted (RequestAuthentication `jwtRules`). */
  jwtRules: readonly JwtRule[];
  /** Who can log in at Dex. Default Kubeflow's example user `user@example.com`. */
  dexUsers?: EmulatedUser[];
}

export interface KubeflowGateway {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `<url>/dex`: Dex's issuer, on the gateway's origin as in Kubeflow. */
  readonly dexUrl: string;
  /** Every decision so far (no credentials in it). */
  readonly log: GatewayLog;
  /** Successful password logins at Dex. */
  readonly dexLogins: number;
  /** Sessions oauth2-proxy has issued. */
  readonly sessionsIssued: number;
  /** Invalidates every session (a rotated cookie secret), so clients must log in again. */
  expireSessions(): void;
  stop(): Promise<void>;
}

interface Decision {
  route?: string;
  identity?: GatewayIdentity;
  refusal?: string;
}

export async function startKubeflowGateway(options: KubeflowGatewayOptions): Promise<KubeflowGateway> {
  const dexOptions = resolveOptions({
    gateway: 'oauth2-proxy',
    dexOnGatewayOrigin: true,
    cookieName: KUBEFLOW_SESSION_COOKIE,
    // Kubeflow's manifests serve plain http on a port-forward; the cookie must travel over it.
    cookieSecure: false,
    ...(options.dexUsers ? { users: options.dexUsers } : {}),
  });
  const dex = createEmulatedDex(dexOptions);
  const log = new GatewayLog();
  const decisions = new WeakMap<EmulatorRequest, Decision>();
  const rawBodies = new WeakMap<EmulatorRequest, Buffer>();
  let origin = '';

  const forward = async (request: EmulatorRequest, response: ServerResponse, identity: GatewayIdentity) => {
    const decision = decisions.get(request) ?? {};
    decision.identity = identity;
    const route = matchRoute(options.routes, request.url.pathname);
    if (!route) {
      decision.refusal = 'no route';
      return noRoute(response);
    }
    const allowed =
      identity.via === 'session' ? route.allow.session === true : route.allow.jwt?.includes(identity.via);
    if (!allowed) {
      decision.refusal = `route ${route.name} does not accept ${identity.via} credentials`;
      return denyByPolicy(response);
    }
    decision.route = route.name;
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === USER_ID_HEADER || name === 'host' || value === undefined) continue;
      for (const item of [value].flat()) headers.append(name, item);
    }
    headers.set(USER_ID_HEADER, identity.user);
    const suffix = `${request.url.pathname.slice(route.prefix.length)}${request.url.search}`;
    let answer: UpstreamResponse;
    try {
      answer = await route.upstream({
        method: request.method,
        path: `${route.rewrite}${suffix}`,
        headers,
        body: rawBodies.get(request) ?? Buffer.alloc(0),
        identity,
      });
    } catch {
      decision.refusal = 'upstream failed';
      return upstreamFailed(response);
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };

  const oauth2Proxy = createOAuth2ProxyGateway(
    dexOptions,
    dex,
    // Kubeflow's relative URLs on one origin: login_url = "/dex/auth", redirect_url = "/oauth2/callback".
    () => ({ dexAuthorize: `${dex.issuerPath}/auth`, callback: '/oauth2/callback' }),
    (request, response, session) => {
      void forward(request, response, sessionIdentity(session));
    },
  );

  const authenticateBearer = async (request: EmulatorRequest, response: ServerResponse) => {
    const decision = decisions.get(request) ?? {};
    const token = /^Bearer\s+(\S+)\s*$/i.exec(String(request.headers.authorization))?.[1];
    if (!token) {
      // Not a bearer token: no JWT rule extracts it, so no principal, so the policy denies.
      decision.refusal = 'Authorization is not a bearer token';
      return denyByPolicy(response);
    }
    const verdict = await verifyBearerJwt(token, options.jwtRules);
    if (!verdict.ok) {
      decision.refusal = verdict.message;
      return rejectToken(response, `${origin}${request.url.pathname}`, verdict.message);
    }
    const jti = verdict.claims.jti;
    const credentialId = typeof jti === 'string' ? jti : fingerprint(token);
    await forward(request, response, { via: verdict.rule.name, user: verdict.user, credentialId });
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', origin),
      headers: req.headers,
      body: body.toString('utf8'),
      cookies: parseCookieHeader(req.headers.cookie),
    };
    const decision: Decision = {};
    decisions.set(request, decision);
    rawBodies.set(request, body);
    res.once('finish', () =>
      log.add({ method: request.method, path: request.url.pathname, status: res.statusCode, ...decision }),
    );
    try {
      const path = request.url.pathname;
      if (path.startsWith(`${dex.issuerPath}/`)) {
        decision.route = 'dex';
        if (!dex.handle(request, res)) noRoute(res);
      } else if (path.startsWith('/oauth2/')) {
        decision.route = 'oauth2-proxy';
        oauth2Proxy.handle(request, res);
      } else if (request.headers.authorization !== undefined) {
        await authenticateBearer(request, res);
      } else {
        // oauth2-proxy answers itself (401, sign-in page) or calls `forward` with the session.
        oauth2Proxy.handle(request, res);
        if (res.writableEnded && res.statusCode >= 400) decision.refusal ??= 'no oauth2-proxy session';
      }
    } catch {
      decision.refusal = 'gateway error';
      upstreamFailed(res);
    }
  });
  origin = await listenOnLoopback(server);

  return {
    url: origin,
    dexUrl: `${origin}${dex.issuerPath}`,
    log,
    get dexLogins() {
      return dex.logins;
    },
    get sessionsIssued() {
      return oauth2Proxy.sessionsIssued;
    },
    expireSessions: () => oauth2Proxy.expireSessions(),
    stop: () => closeServer(server),
  };
}

function sessionIdentity(session: { email?: unknown; sub?: unknown; sid?: unknown }): GatewayIdentity {
  const user = typeof session.email === 'string' ? session.email : String(session.sub ?? '');
  const credentialId = typeof session.sid === 'string' ? `session-${session.sid}` : fingerprint(user);
  return { via: 'session', user, credentialId };
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
