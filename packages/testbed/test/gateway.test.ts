/**
 * The Kubeflow-like gateway: which credentials reach which API, what the API
 * is told about the caller, and the refusals Envoy and oauth2-proxy give.
 * The APIs behind it are echo upstreams, so the test sees what was forwarded.
 */
import {
  createServiceAccountIssuer,
  DEFAULT_DEX_USER,
  discoveredJwks,
  type GatewayIdentity,
  inMemoryJwks,
  jsonResponse,
  KFP_TOKEN_AUDIENCE,
  KUBERNETES_ISSUER,
  type KubeflowGateway,
  startKubeflowGateway,
  type Upstream,
  verifyBearerJwt,
} from '@ml-platform/testbed';
import { type OidcTestProvider, startOidcProvider } from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const issuer = createServiceAccountIssuer();
const pipelineRunner = { namespace: 'team-a', name: 'default-editor' };
const saToken = (audiences = [KFP_TOKEN_AUDIENCE]) =>
  issuer.createToken({ serviceAccount: pipelineRunner, audiences });

/** Answers with what it received: the user header, the path, whether a bearer token came along. */
const echo: Upstream = async (request) =>
  jsonResponse(200, {
    path: request.path,
    user: request.headers.get('kubeflow-userid'),
    authorization: request.headers.has('authorization'),
    via: request.identity.via,
  });

let gateway: KubeflowGateway;
let oidc: OidcTestProvider;

beforeAll(async () => {
  oidc = await startOidcProvider();
  gateway = await startKubeflowGateway({
    jwtRules: [
      {
        name: 'kubernetes',
        issuer: issuer.issuer,
        jwks: inMemoryJwks(issuer.jwks),
        audiences: [KFP_TOKEN_AUDIENCE],
        userClaim: 'sub',
      },
      {
        name: 'oidc',
        issuer: oidc.issuer,
        jwks: discoveredJwks(oidc.issuer),
        audiences: [oidc.clients.password.clientId],
        userClaim: 'email',
      },
    ],
    routes: [
      {
        name: 'kfp',
        prefix: '/pipeline',
        rewrite: '',
        allow: { session: true, jwt: ['kubernetes', 'oidc'] },
        upstream: echo,
      },
      {
        name: 'seldon',
        prefix: '/seldon-deploy/api/v1alpha1',
        rewrite: '',
        allow: { jwt: ['oidc'] },
        upstream: echo,
      },
    ],
  });
});

afterAll(async () => {
  await Promise.all([gateway?.stop(), oidc?.stop()]);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function oidcIdToken(): Promise<string> {
  const { clientId, clientSecret } = oidc.clients.password;
  const response = await fetch(`${oidc.issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'password',
      username: oidc.users.alice.username,
      password: oidc.users.alice.password,
      scope: 'openid email',
    }),
  });
  const body = (await response.json()) as { id_token?: string };
  if (!body.id_token) throw new Error(`no id_token: ${JSON.stringify(body)}`);
  return body.id_token;
}

describe('the gateway in front of the APIs', () => {
  it('refuses an API call without credentials (oauth2-proxy: 401) and sends a browser to sign in', async () => {
    const api = await get('/pipeline/apis/v2beta1/healthz');
    expect(api.status).toBe(401);
    const browser = await get('/pipeline/', { accept: 'text/html' });
    expect(browser.status).toBe(403);
    expect(await browser.text()).toContain('/oauth2/start');
  });

  it('accepts a ServiceAccount token signed by the API server and names its subject as the user', async () => {
    const response = await get('/pipeline/apis/v2beta1/healthz?x=1', bearer(saToken()));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      path: '/apis/v2beta1/healthz?x=1',
      user: 'system:serviceaccount:team-a:default-editor',
      authorization: true,
      via: 'kubernetes',
    });
  });

  it('never passes on a kubeflow-userid sent by the client', async () => {
    const response = await get('/pipeline/apis/v2beta1/healthz', {
      ...bearer(saToken()),
      'kubeflow-userid': 'admin@example.com',
    });
    expect(((await response.json()) as { user: string }).user).toBe(
      'system:serviceaccount:team-a:default-editor',
    );
  });

  it('refuses tokens the way Envoy does: forged, wrong audience, not a JWT, unknown issuer', async () => {
    const forger = createServiceAccountIssuer();
    const cases: Array<[string, string]> = [
      [
        forger.createToken({ serviceAccount: pipelineRunner, audiences: [KFP_TOKEN_AUDIENCE] }),
        'Jwt verification fails',
      ],
      [saToken(['https://kubernetes.default.svc']), 'Audiences in Jwt are not allowed'],
      ['opaque-token', 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections'],
      [
        createServiceAccountIssuer('https://elsewhere.example').createToken({
          serviceAccount: pipelineRunner,
        }),
        'Jwt issuer is not configured',
      ],
    ];
    for (const [token, message] of cases) {
      const response = await get('/pipeline/apis/v2beta1/healthz', bearer(token));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      expect(await response.text()).toBe(message);
    }
    const basic = await get('/pipeline/apis/v2beta1/healthz', { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(403);
  });

  it('treats a token past its exp as expired', async () => {
    const rule = {
      name: 'kubernetes',
      issuer: KUBERNETES_ISSUER,
      jwks: inMemoryJwks(issuer.jwks),
      userClaim: 'sub',
    };
    const inTwoHours = Date.now() + 2 * 3600_000;
    expect(await verifyBearerJwt(saToken(), [rule], inTwoHours)).toEqual({
      ok: false,
      message: 'Jwt is expired',
    });
  });

  it("verifies an OIDC ID token against the provider's published keys", async () => {
    const response = await get(
      '/seldon-deploy/api/v1alpha1/namespaces/seldon/seldondeployments',
      bearer(await oidcIdToken()),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: oidc.users.alice.email,
      via: 'oidc',
      path: '/namespaces/seldon/seldondeployments',
    });
  });

  it('lets each route accept only the credentials its policy names (403 RBAC: access denied)', async () => {
    const response = await get('/seldon-deploy/api/v1alpha1/healthcheck', bearer(saToken()));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('RBAC: access denied');
  });

  it('logs in through Dex behind oauth2-proxy and serves the session as its user', async () => {
    const cookie = await logInThroughDex('/pipeline/');
    const response = await get('/pipeline/apis/v2beta1/healthz', { cookie });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: string; via: string; authorization: boolean };
    expect(body).toMatchObject({ user: DEFAULT_DEX_USER.login, via: 'session', authorization: false });
    expect(gateway.dexLogins).toBeGreaterThan(0);

    const sessionOnSeldon = await get('/seldon-deploy/api/v1alpha1/healthcheck', { cookie });
    expect(sessionOnSeldon.status).toBe(403);
  });

  it('keeps a log of decisions that holds no credential', async () => {
    const entries = JSON.stringify(gateway.log.entries);
    expect(entries).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(entries).not.toContain(DEFAULT_DEX_USER.password);
    const identities = gateway.log.entries
      .map((entry) => entry.identity)
      .filter((id): id is GatewayIdentity => !!id);
    expect(new Set(identities.map((id) => id.via))).toEqual(new Set(['kubernetes', 'oidc', 'session']));
  });
});

/** A browser's way through oauth2-proxy's sign-in and Dex's password form; returns the session cookie. */
async function logInThroughDex(startPath: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  let url = new URL(`/oauth2/start?rd=${encodeURIComponent(startPath)}`, gateway.url);
  let init: RequestInit = {};
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: cookieHeader() },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const index = pair.indexOf('=');
      const [name, value] = [pair.slice(0, index), pair.slice(index + 1)];
      if (value === '' || /max-age=0/i.test(setCookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (location) {
      await response.body?.cancel();
      url = new URL(location, url);
      init = {};
      if (url.pathname === startPath) break;
      continue;
    }
    const page = await response.text();
    if (!page.includes('name="password"'))
      throw new Error(`unexpected page at ${url.pathname}: ${page.slice(0, 200)}`);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        login: DEFAULT_DEX_USER.login,
        password: DEFAULT_DEX_USER.password,
      }).toString(),
    };
  }
  if (!jar.has('oauth2_proxy_kubeflow'))
    throw new Error(`no session cookie; cookies: ${[...jar.keys()].join(', ')}`);
  return cookieHeader();
}
