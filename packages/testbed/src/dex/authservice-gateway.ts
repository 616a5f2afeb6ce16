/**
 * arrikto/oidc-authservice (Kubeflow's gateway up to 1.8), as server.go,
 * sessions/state.go and sessions/session.go describe it. Sessions are kept
 * server side (boltdb); the cookie holds only the key. Any request without a
 * live session, API paths included, is redirected to Dex: its own code says
 * "TODO: Detect X-Requested-With header and return 401".
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { EmulatedDex, IdentityClaims } from './dex-provider.js';
import type { Gateway, GatewayUrls, UpstreamHandler } from './gateway.js';
import { type EmulatorRequest, redirect, sendText } from './http.js';
import type { ResolvedOptions } from './options.js';
import { formatSetCookie } from './set-cookie.js';

/** `AUTHSERVICE_URL_PREFIX` default; the callback is `<prefix>oidc/callback` (README). */
export const AUTHSERVICE_PREFIX = '/authservice/';
const CLIENT_ID = 'authservice-oidc';
const SESSION_COOKIE = 'authservice_session';
const STATE_COOKIE = 'oidc_state_csrf';

export function createAuthserviceGateway(
  options: ResolvedOptions,
  dex: EmulatedDex,
  urls: () => GatewayUrls,
  upstream: UpstreamHandler,
): Gateway {
  const sessions = new Map<string, { claims: IdentityClaims; expiresAt: number }>();
  const states = new Map<string, { firstVisitedUrl: string }>();
  let sessionsIssued = 0;
  let registered = false;
  const maxAgeSeconds = Math.max(1, Math.ceil(options.sessionLifetimeMs / 1000));

  // authCodeFlowAuthenticationRequest: CreateState stores the first visited path and query and sets
  // the `oidc_state_csrf` cookie (Path=/, meant to last 20 minutes); then a 302 to Dex.
  function startLogin(request: EmulatorRequest, response: ServerResponse) {
    const { dexAuthorize, callback } = urls();
    if (!registered) {
      dex.registerClient({ id: CLIENT_ID, name: 'AuthService', redirectUris: [callback] });
      registered = true;
    }
    const state = randomBytes(24).toString('base64url');
    states.set(state, { firstVisitedUrl: `${request.url.pathname}${request.url.search}` });
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: callback,
      response_type: 'code',
      scope: 'openid profile email groups',
      state,
    });
    const stateCookie = formatSetCookie({ name: STATE_COOKIE, value: state, path: '/', maxAge: 20 * 60 });
    redirect(response, 302, `${dexAuthorize}?${query}`, [stateCookie]);
  }

  // callback: no code -> homepage; no state -> 400; state not matching the cookie -> 400 "CSRF check
  // failed..."; a failed exchange -> 500 (all text/plain); else the state cookie deleted (VerifyState
  // revokes it), `authservice_session` (Path=/, Max-Age=SESSION_MAX_AGE, SameSite=Lax; gorilla/sessions
  // adds Expires) and a 302 to the first visited URL.
  function callback(request: EmulatorRequest, response: ServerResponse) {
    const query = request.url.searchParams;
    const code = query.get('code');
    if (!code) return redirect(response, 302, `${AUTHSERVICE_PREFIX}site/homepage`);
    const state = query.get('state');
    if (!state) return sendText(response, 400, 'Missing url parameter: state');
    const pending = states.get(state);
    if (!pending || request.cookies.get(STATE_COOKIE) !== state) {
      return sendText(
        response,
        400,
        'CSRF check failed. This may happen if you opened the login form in more than 1 tabs. Please try to login again.',
      );
    }
    states.delete(state);
    const clearState = formatSetCookie({
      name: STATE_COOKIE,
      value: '',
      path: '/',
      expires: new Date(1000),
      maxAge: -1,
    });
    const claims = dex.redeem(code, CLIENT_ID, urls().callback, '');
    if (!claims) return sendText(response, 500, 'Failed to exchange authorization code with token.');
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, { claims, expiresAt: Date.now() + maxAgeSeconds * 1000 });
    sessionsIssued += 1;
    const sessionCookie = formatSetCookie({
      name: SESSION_COOKIE,
      value: id,
      path: '/',
      expires: new Date(Date.now() + maxAgeSeconds * 1000),
      maxAge: maxAgeSeconds,
      sameSite: 'Lax',
    });
    redirect(response, 302, pending.firstVisitedUrl, [clearState, sessionCookie]);
  }

  return {
    get sessionsIssued() {
      return sessionsIssued;
    },
    expireSessions() {
      sessions.clear();
    },
    handle(request, response) {
      const path = request.url.pathname;
      if (path === `${AUTHSERVICE_PREFIX}oidc/callback`) return callback(request, response);
      if (path.startsWith(AUTHSERVICE_PREFIX)) return sendText(response, 404, '404 page not found\n');
      const session = sessions.get(request.cookies.get(SESSION_COOKIE) ?? '');
      if (session && session.expiresAt > Date.now()) return upstream(request, response, session.claims);
      startLogin(request, response);
    },
  };
}
