/**
 * oauth2-proxy v7 in front of an upstream, as oauth2-proxy/oauth2-proxy
 * (oauthproxy.go, pkg/cookies, pkg/sessions/cookie/session_store.go,
 * pkg/apis/options/cookie.go) and Kubeflow's manifests
 * (common/oauth2-proxy/base/oauth2_proxy.cfg) configure it. Sessions live in
 * the cookie itself (the default cookie session store): valid while its
 * signature matches the cookie secret and its timestamp is within
 * `cookie_expire`.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { EmulatedDex } from './dex-provider.js';
import type { Gateway, GatewayUrls, UpstreamHandler } from './gateway.js';
import { type EmulatorRequest, redirect, sendHtml, sendJsonBody, sendText } from './http.js';
import { proxyErrorPage, signInPage } from './oauth2-proxy-pages.js';
import type { ResolvedOptions } from './options.js';
import { type CookieSpec, formatSetCookie, joinCookie, splitCookie } from './set-cookie.js';

const PROXY_PREFIX = '/oauth2';
const CLIENT_ID = 'oauth2-proxy';
/** `cookie_csrf_expire` default (15 min). */
const CSRF_EXPIRE_SECONDS = 15 * 60;

export function createOAuth2ProxyGateway(
  options: ResolvedOptions,
  dex: EmulatedDex,
  urls: () => GatewayUrls,
  upstream: UpstreamHandler,
): Gateway {
  const apiRoutes = options.apiRoutes.map((route) => new RegExp(route));
  const pendingLogins = new Map<string, { codeVerifier: string }>();
  let cookieSecret = randomBytes(32);
  let sessionsIssued = 0;
  let registered = false;

  const lifetimeSeconds = Math.max(1, Math.ceil(options.sessionLifetimeMs / 1000));
  // Every cookie oauth2-proxy writes carries the configured attributes (MakeCookieFromOptions).
  const cookie = (name: string, value: string, maxAge: number): CookieSpec => ({
    name,
    value,
    path: '/',
    maxAge,
    httpOnly: true,
    secure: options.cookieSecure,
    sameSite: options.cookieSameSite,
  });

  const sign = (payload: string, issuedAt: number) =>
    createHmac('sha256', cookieSecret)
      .update(`${options.cookieName}|${payload}|${issuedAt}`)
      .digest('base64url');

  function sessionValue(claims: object): string {
    const issuedAt = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ ...claims, sid: randomBytes(8).toString('hex') })).toString(
      'base64url',
    );
    return `${payload}|${issuedAt}|${sign(payload, issuedAt)}`;
  }

  function loadSession(request: EmulatorRequest) {
    const value = joinCookie(request.cookies, options.cookieName);
    const [payload, issuedAtText, signature] = value?.split('|') ?? [];
    if (!payload || !issuedAtText || !signature) return undefined;
    const issuedAt = Number(issuedAtText);
    if (sign(payload, issuedAt) !== signature) return undefined;
    if ((issuedAt + lifetimeSeconds) * 1000 <= Date.now()) return undefined;
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  }

  // SessionStore.Clear: expire every present cookie named <name> or <name>_<n>.
  function clearSessionCookies(request: EmulatorRequest): string[] {
    const pattern = new RegExp(`^${options.cookieName}(_\\d+)?$`);
    return [...request.cookies.keys()]
      .filter((name) => pattern.test(name))
      .map((name) => formatSetCookie(cookie(name, '', -1)));
  }

  // IsValidRedirect, for the relative redirects this emulator issues: a path, not `//host` or `/\host`.
  const validRedirect = (rd: string | null) => (rd && /^\/(?![/\\])/.test(rd) ? rd : '/');

  // doOAuthStart: a CSRF cookie `<cookie_name>_csrf` (15 min) and a 302 to the provider's login URL
  // with state `<nonce hash>:<rd>` and PKCE (`code_challenge_method = "S256"` in Kubeflow).
  function startLogin(response: ServerResponse, rd: string) {
    const { dexAuthorize, callback } = urls();
    if (!registered) {
      dex.registerClient({ id: CLIENT_ID, name: 'oauth2-proxy', redirectUris: [callback] });
      registered = true;
    }
    const nonce = randomBytes(16).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const nonceHash = createHash('sha256').update(nonce).digest('base64url');
    pendingLogins.set(nonceHash, { codeVerifier });
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      prompt: 'none',
      redirect_uri: callback,
      response_type: 'code',
      scope: 'profile email groups openid',
      state: `${nonceHash}:${rd}`,
    });
    const csrf = formatSetCookie(cookie(`${options.cookieName}_csrf`, nonce, CSRF_EXPIRE_SECONDS));
    redirect(response, 302, `${dexAuthorize}?${query}`, [csrf]);
  }

  // OAuthCallback: the provider's error, a missing CSRF cookie or a failed redemption end on an
  // error page; success clears the CSRF cookie, saves the session (split past 4000 chars) and 302s to rd.
  function callback(request: EmulatorRequest, response: ServerResponse) {
    const query = request.url.searchParams;
    const upstreamError = query.get('error');
    if (upstreamError) {
      const message = `Login Failed: The upstream identity provider returned an error: ${upstreamError}`;
      return sendHtml(response, 403, proxyErrorPage(403, 'Forbidden', message));
    }
    const state = query.get('state') ?? '';
    const separator = state.indexOf(':');
    const nonceHash = separator < 0 ? '' : state.slice(0, separator);
    const rd = validRedirect(separator < 0 ? null : state.slice(separator + 1));
    const csrfName = `${options.cookieName}_csrf`;
    const nonce = request.cookies.get(csrfName);
    const pending = pendingLogins.get(nonceHash);
    if (!nonce || !pending || createHash('sha256').update(nonce).digest('base64url') !== nonceHash) {
      const message = 'Login Failed: Unable to find a valid CSRF token. Please try again.';
      return sendHtml(response, 403, proxyErrorPage(403, 'Forbidden', message));
    }
    pendingLogins.delete(nonceHash);
    const claims = dex.redeem(query.get('code') ?? '', CLIENT_ID, urls().callback, pending.codeVerifier);
    if (!claims)
      return sendHtml(response, 500, proxyErrorPage(500, 'Internal Server Error', 'token exchange failed'));
    sessionsIssued += 1;
    const session = splitCookie(cookie(options.cookieName, sessionValue(claims), lifetimeSeconds));
    const setCookies = [formatSetCookie(cookie(csrfName, '', -1)), ...session.map(formatSetCookie)];
    redirect(response, 302, rd, setCookies);
  }

  function isApiRequest(request: EmulatorRequest): boolean {
    // isAjax: an Accept header listing exactly application/json; isAPIPath: api_routes against the request URI.
    const accept = String(request.headers.accept ?? '')
      .split(',')
      .map((type) => type.trim());
    const uri = `${request.url.pathname}${request.url.search}`;
    return accept.includes('application/json') || apiRoutes.some((route) => route.test(uri));
  }

  return {
    get sessionsIssued() {
      return sessionsIssued;
    },
    expireSessions() {
      cookieSecret = randomBytes(32);
    },
    handle(request, response) {
      const path = request.url.pathname;
      if (path === `${PROXY_PREFIX}/start`)
        return startLogin(response, validRedirect(request.url.searchParams.get('rd')));
      if (path === `${PROXY_PREFIX}/callback`) return callback(request, response);
      if (path === `${PROXY_PREFIX}/sign_in`) {
        // SignIn: with skip_provider_button the flow starts at once; else the page, 200 for a GET.
        if (options.skipProviderButton)
          return startLogin(response, validRedirect(request.url.searchParams.get('rd')));
        return sendHtml(
          response,
          200,
          signInPage(PROXY_PREFIX, validRedirect(request.url.searchParams.get('rd')), 'Dex'),
        );
      }
      if (path === `${PROXY_PREFIX}/sign_out`) {
        return redirect(
          response,
          302,
          validRedirect(request.url.searchParams.get('rd')),
          clearSessionCookies(request),
        );
      }
      if (path.startsWith(`${PROXY_PREFIX}/`)) return sendText(response, 404, '404 page not found\n');
      const session = loadSession(request);
      if (session) return upstream(request, response, session);
      // Proxy, ErrNeedsLogin: API requests get 401 `{}`; browsers the sign-in page (403) or, with
      // skip_provider_button, the provider at once (302), without this request's query as overrides.
      if (isApiRequest(request)) return sendJsonBody(response, 401, {});
      const requestUri = `${path}${request.url.search}`;
      if (options.skipProviderButton) return startLogin(response, validRedirect(requestUri));
      sendHtml(
        response,
        403,
        signInPage(PROXY_PREFIX, validRedirect(requestUri), 'Dex'),
        clearSessionCookies(request),
      );
    },
  };
}
