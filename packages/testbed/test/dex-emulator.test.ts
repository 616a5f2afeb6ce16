/**
 * The emulator's HTTP behaviour, checked on the wire with plain fetch: what a
 * script scripting Dex's login meets in a real cluster (statuses, Location
 * headers, form fields, cookie names and attributes). Each expectation names
 * the upstream behaviour it mirrors; the emulator's modules cite the source.
 */
import { type DexEmulator, type DexEmulatorOptions, startDexEmulator } from '@ml-platform/testbed/dex/index';
import { afterEach, describe, expect, it } from 'vitest';

let emulator: DexEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function start(options: DexEmulatorOptions = {}): Promise<DexEmulator> {
  emulator = await startDexEmulator(options);
  return emulator;
}

const browser = { accept: 'text/html' };

function get(url: string | URL, headers: Record<string, string> = browser): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers });
}

function postForm(url: string | URL, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

const location = (response: Response, base: string | URL) =>
  new URL(response.headers.get('location') ?? '', base);

/** Name=value pairs of a response's Set-Cookie headers, as a Cookie header. */
const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/** Walks oauth2-proxy -> Dex (one local connector, no approval) by hand, returning the callback's response. */
async function loginByHand(cluster: DexEmulator, password = '12341234') {
  const start = await get(`${cluster.gatewayOrigin}/oauth2/start?rd=/pipeline`);
  const csrf = cookieHeader(start);
  const authorize = location(start, cluster.gatewayOrigin);
  const toConnector = await get(authorize);
  const loginPage = location(await get(location(toConnector, authorize)), authorize);
  const posted = await postForm(loginPage, { login: 'user@example.com', password });
  if (posted.status !== 303) return { posted, callback: undefined };
  const callback = await get(location(posted, loginPage), { ...browser, cookie: csrf });
  return { posted, callback };
}

describe('oauth2-proxy in front of the API', () => {
  it('shows browsers its sign-in page with 403 and a GET form to /oauth2/start carrying rd', async () => {
    const cluster = await start();
    const response = await get(`${cluster.endpoint}?tab=runs`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<form method="GET" action="/oauth2/start">');
    expect(html).toContain('name="rd" value="/pipeline?tab=runs"');
  });

  it('answers api_routes and JSON requests with 401 {} instead of a login', async () => {
    const cluster = await start();
    const api = await get(`${cluster.endpoint}/apis/v2beta1/healthz`);
    expect([api.status, api.headers.get('content-type'), await api.text()]).toEqual([
      401,
      'application/json; charset=utf-8',
      '{}',
    ]);
    const ajax = await get(cluster.endpoint, { accept: 'application/json' });
    expect(ajax.status).toBe(401);
  });

  it('with skip_provider_button redirects straight to Dex and sets the CSRF cookie', async () => {
    const cluster = await start({ skipProviderButton: true });
    const response = await get(cluster.endpoint);
    expect(response.status).toBe(302);
    const target = location(response, cluster.endpoint);
    expect(`${target.origin}${target.pathname}`).toBe(`${cluster.dexUrl}/auth`);
    expect(target.searchParams.get('redirect_uri')).toBe(`${cluster.gatewayOrigin}/oauth2/callback`);
    expect(target.searchParams.get('state')).toMatch(/^[\w-]+:\/pipeline$/);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^_oauth2_proxy_csrf=[\w-]+; Path=\/; Max-Age=900; HttpOnly; Secure$/),
    ]);
  });

  it('keeps rd to local paths (an open redirect becomes /)', async () => {
    const cluster = await start();
    const response = await get(`${cluster.gatewayOrigin}/oauth2/start?rd=//evil.example.com/`);
    expect(location(response, cluster.gatewayOrigin).searchParams.get('state')).toMatch(/:\/$/);
  });

  it('sets the session cookie with the default attributes (168 h) and clears the CSRF cookie', async () => {
    const cluster = await start();
    const { callback } = await loginByHand(cluster);
    expect(callback?.status).toBe(302);
    expect(callback?.headers.get('location')).toBe('/pipeline');
    expect(callback?.headers.getSetCookie()).toEqual([
      '_oauth2_proxy_csrf=; Path=/; Max-Age=0; HttpOnly; Secure',
      expect.stringMatching(/^_oauth2_proxy=[^;]+; Path=\/; Max-Age=604800; HttpOnly; Secure$/),
    ]);
    const api = await get(`${cluster.endpoint}/apis/v2beta1/healthz`, {
      cookie: cookieHeader(callback as Response),
    });
    expect(await api.json()).toEqual({ multi_user: true, pipeline_store: 'database' });
  });

  it('splits a session over 4000 characters into _0, _1, ... and accepts them only together', async () => {
    const cluster = await start({
      largeClaimsBytes: 9000,
      cookieName: 'oauth2_proxy_kubeflow',
      sessionLifetimeMs: 86_400_000,
    });
    const { callback } = await loginByHand(cluster);
    const session = (callback as Response).headers.getSetCookie().slice(1);
    expect(session.length).toBeGreaterThan(1);
    expect(session.map((cookie) => cookie.split('=')[0])).toEqual(
      session.map((_, index) => `oauth2_proxy_kubeflow_${index}`),
    );
    for (const cookie of session) {
      expect(cookie.length).toBeLessThanOrEqual(4000);
      expect(cookie).toMatch(/; Path=\/; Max-Age=86400; HttpOnly; Secure$/);
    }
    const all = session.map((cookie) => cookie.split(';')[0]).join('; ');
    const first = session
      .slice(0, -1)
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    expect((await get(`${cluster.endpoint}/apis/v2beta1/healthz`, { cookie: all })).status).toBe(200);
    expect((await get(`${cluster.endpoint}/apis/v2beta1/healthz`, { cookie: first })).status).toBe(401);
  });

  it('refuses a callback without the CSRF cookie with a 403 error page', async () => {
    const cluster = await start();
    const start1 = await get(`${cluster.gatewayOrigin}/oauth2/start?rd=/pipeline`);
    const state = location(start1, cluster.gatewayOrigin).searchParams.get('state') ?? '';
    const response = await get(
      `${cluster.gatewayOrigin}/oauth2/callback?code=x&state=${encodeURIComponent(state)}`,
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Unable to find a valid CSRF token');
  });

  it('stops accepting sessions once expired', async () => {
    const cluster = await start();
    const { callback } = await loginByHand(cluster);
    const cookie = cookieHeader(callback as Response);
    cluster.expireSessions();
    expect((await get(`${cluster.endpoint}/apis/v2beta1/healthz`, { cookie })).status).toBe(401);
  });
});

describe('Dex', () => {
  it('lists every connector on its chooser, and redirects when there is only one', async () => {
    const several = await start({ connectors: [{ id: 'local' }, { id: 'ldap' }], skipProviderButton: true });
    const authorize = location(await get(several.endpoint), several.endpoint);
    const chooser = await get(authorize);
    expect(chooser.status).toBe(200);
    const html = await chooser.text();
    expect(html).toContain('href="/dex/auth/ldap?client_id=oauth2-proxy&amp;');
    expect(html).toContain('href="/dex/auth/local?client_id=oauth2-proxy&amp;');
    await several.stop();

    const single = await start({ skipProviderButton: true });
    const authorizeSingle = location(await get(single.endpoint), single.endpoint);
    const redirect = await get(authorizeSingle);
    expect(redirect.status).toBe(302);
    expect(location(redirect, authorizeSingle).pathname).toBe('/dex/auth/local');
  });

  it('answers an unknown connector with 400', async () => {
    const cluster = await start({ skipProviderButton: true });
    const authorize = location(await get(cluster.endpoint), cluster.endpoint);
    const byQuery = new URL(authorize);
    byQuery.searchParams.set('connector_id', 'github');
    expect((await get(byQuery)).status).toBe(400);
    const byPath = new URL(authorize);
    byPath.pathname = '/dex/auth/github';
    const response = await get(byPath);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Connector failed to initialize');
  });

  it('serves the login form (login, password) and re-renders it with 401 after a wrong password', async () => {
    const cluster = await start();
    const { posted } = await loginByHand(cluster, 'wrong');
    expect(posted.status).toBe(401);
    const html = await posted.text();
    expect(html).toContain('name="login"');
    expect(html).toContain('name="password"');
    expect(html).toContain('id="login-error"');
    expect(html).toContain('value="user@example.com"');
  });

  it('re-renders it with 200 as Dex before 2.36 did', async () => {
    const cluster = await start({ invalidLoginStatus: 200 });
    const { posted } = await loginByHand(cluster, 'wrong');
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('id="login-error"');
  });

  it('refuses a locked account with a 500 error page', async () => {
    const cluster = await start({
      users: [{ login: 'locked@example.com', password: 'pw-locked', locked: true }],
    });
    const start1 = await get(`${cluster.gatewayOrigin}/oauth2/start?rd=/pipeline`);
    const authorize = location(start1, cluster.gatewayOrigin);
    const loginPage = location(await get(location(await get(authorize), authorize)), authorize);
    const posted = await postForm(loginPage, { login: 'locked@example.com', password: 'pw-locked' });
    expect(posted.status).toBe(500);
    expect(await posted.text()).toContain('Login error.');
  });

  it('guards its approval screen with an HMAC and sends the code after approval=approve', async () => {
    const cluster = await start({ approvalScreen: true });
    const { posted } = await loginByHand(cluster);
    const approval = location(posted, cluster.dexUrl);
    expect(approval.pathname).toBe('/dex/approval');
    const withoutMac = new URL(approval);
    withoutMac.searchParams.delete('hmac');
    expect((await get(withoutMac)).status).toBe(401);
    const page = await (await get(approval)).text();
    expect(page).toContain('name="approval" value="approve"');
    const approved = await postForm(approval, {
      req: approval.searchParams.get('req') ?? '',
      approval: 'approve',
    });
    expect(approved.status).toBe(303);
    expect(location(approved, approval).pathname).toBe('/oauth2/callback');
  });

  it('on the gateway origin, redirects with relative Locations as Kubeflow configures it', async () => {
    const cluster = await start({ dexOnGatewayOrigin: true });
    expect(cluster.dexUrl).toBe(`${cluster.gatewayOrigin}/dex`);
    const start1 = await get(`${cluster.gatewayOrigin}/oauth2/start?rd=/pipeline`);
    expect(start1.headers.get('location')).toMatch(/^\/dex\/auth\?/);
    expect(new URL(start1.headers.get('location') ?? '', 'http://x').searchParams.get('redirect_uri')).toBe(
      '/oauth2/callback',
    );
  });
});

describe('oidc-authservice in front of the API', () => {
  it('redirects every request without a session to Dex, API paths included', async () => {
    const cluster = await start({ gateway: 'authservice' });
    const response = await get(`${cluster.endpoint}/apis/v2beta1/healthz`, { accept: 'application/json' });
    expect(response.status).toBe(302);
    const target = location(response, cluster.endpoint);
    expect(`${target.origin}${target.pathname}`).toBe(`${cluster.dexUrl}/auth`);
    expect(target.searchParams.get('redirect_uri')).toBe(
      `${cluster.gatewayOrigin}/authservice/oidc/callback`,
    );
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^oidc_state_csrf=[\w-]+; Path=\/; Max-Age=1200$/),
    ]);
  });

  it('sets authservice_session (24 h, SameSite=Lax) and sends the browser back to the first URL', async () => {
    const cluster = await start({ gateway: 'authservice' });
    const first = await get(`${cluster.endpoint}?ns=team-a`);
    const stateCookie = cookieHeader(first);
    const authorize = location(first, cluster.endpoint);
    const loginPage = location(await get(location(await get(authorize), authorize)), authorize);
    const posted = await postForm(loginPage, { login: 'user@example.com', password: '12341234' });
    const callbackUrl = location(posted, loginPage);
    const wrongState = await get(callbackUrl, { cookie: 'oidc_state_csrf=other' });
    expect([wrongState.status, await wrongState.text()]).toEqual([
      400,
      expect.stringContaining('CSRF check failed'),
    ]);
    const callback = await get(callbackUrl, { cookie: stateCookie });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/pipeline?ns=team-a');
    expect(callback.headers.getSetCookie()).toEqual([
      'oidc_state_csrf=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0',
      expect.stringMatching(
        /^authservice_session=[\w-]+; Path=\/; Expires=[^;]+GMT; Max-Age=86400; SameSite=Lax$/,
      ),
    ]);
  });
});

describe('without a gateway', () => {
  it('serves the API to anyone', async () => {
    const cluster = await start({ gateway: 'none' });
    const response = await get(`${cluster.endpoint}/apis/v2beta1/healthz`);
    expect(response.status).toBe(200);
    expect(cluster.exchanges.every((exchange) => exchange.server === 'gateway')).toBe(true);
  });
});
