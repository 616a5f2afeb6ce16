/**
 * Every branch of the login flow against the Dex + gateway emulator, through
 * a KFP client the way users call it: the call succeeds, the session cookie
 * the gateway set is what the API request carried, and the flow took the
 * path the real gateway dictates.
 */
import { describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './cluster.js';

const HEALTHZ = { multi_user: true, pipeline_store: 'database' };

/** The Cookie header of the API requests the gateway received. */
function apiCookies(cluster: TestCluster): (string | undefined)[] {
  return cluster.emulator.exchanges
    .filter((exchange) => exchange.server === 'gateway' && exchange.path.includes('/apis/v2beta1/'))
    .map((exchange) => exchange.headers.cookie);
}

/** Method, server and path (no query) of each request, in order. */
function route(cluster: TestCluster): string[] {
  return cluster.emulator.exchanges.map(
    (exchange) => `${exchange.method} ${exchange.server} ${exchange.path.split('?')[0]} ${exchange.status}`,
  );
}

describe('login through oauth2-proxy and Dex', () => {
  it("starts at oauth2-proxy's 403 sign-in page, submits it to /oauth2/start and sends the session cookie", async () => {
    const cluster = await startCluster();
    const { data } = await cluster.kfp.GET('/apis/v2beta1/healthz');
    expect(data).toEqual(HEALTHZ);
    expect(route(cluster)).toEqual([
      'GET gateway /pipeline 403',
      'GET gateway /oauth2/start 302',
      'GET dex /dex/auth 302',
      'GET dex /dex/auth/local 302',
      'GET dex /dex/auth/local/login 200',
      'POST dex /dex/auth/local/login 303',
      'GET gateway /oauth2/callback 302',
      'GET gateway /pipeline/apis/v2beta1/healthz 200',
    ]);
    expect(apiCookies(cluster)).toEqual([expect.stringMatching(/^_oauth2_proxy=[^;]+$/)]);
    expect(cluster.auth.logins).toBe(1);
    expect(cluster.emulator.logins).toBe(1);
  });

  it('follows skip_provider_button: a straight redirect to Dex', async () => {
    const cluster = await startCluster({ skipProviderButton: true });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    expect(route(cluster).slice(0, 2)).toEqual(['GET gateway /pipeline 302', 'GET dex /dex/auth 302']);
  });

  it('starts at /oauth2/start?rd= itself when the endpoint is an API route answering 401', async () => {
    const cluster = await startCluster({}, (emulator) => ({
      endpoint: `${emulator.endpoint}/apis/v2beta1/healthz`,
    }));
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    const first = cluster.emulator.exchanges.slice(0, 2).map((exchange) => [exchange.path, exchange.status]);
    expect(first).toEqual([
      ['/pipeline/apis/v2beta1/healthz', 401],
      ['/oauth2/start?rd=%2Fpipeline%2Fapis%2Fv2beta1%2Fhealthz', 302],
    ]);
  });

  it('picks the configured connector on the chooser when Dex has several (LDAP)', async () => {
    const cluster = await startCluster(
      {
        connectors: [{ id: 'local' }, { id: 'ldap', name: 'Corporate LDAP' }],
        users: [{ login: 'jane', password: 'ldap-secret-1', connector: 'ldap', email: 'jane@corp.example' }],
      },
      { connector: 'ldap', username: 'jane', password: 'ldap-secret-1' },
    );
    const { data } = await cluster.kfp.POST('/apis/v2beta1/experiments', {
      body: { display_name: 'from-ldap' },
    });
    expect(data).toMatchObject({ display_name: 'from-ldap', namespace: 'jane@corp.example' });
    expect(route(cluster).slice(2, 6)).toEqual([
      'GET dex /dex/auth 200',
      'GET dex /dex/auth/ldap 302',
      'GET dex /dex/auth/ldap/login 200',
      'POST dex /dex/auth/ldap/login 303',
    ]);
  });

  it("grants Dex's approval screen (approval=approve)", async () => {
    const cluster = await startCluster({ approvalScreen: true });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    const approval = cluster.emulator.exchanges.filter((exchange) =>
      exchange.path.startsWith('/dex/approval'),
    );
    expect(approval.map((exchange) => [exchange.method, exchange.status])).toEqual([
      ['GET', 200],
      ['POST', 303],
    ]);
    expect(new URLSearchParams(approval[1]?.body).get('approval')).toBe('approve');
  });

  it("sends every part of oauth2-proxy's split session cookie (_0, _1, ...)", async () => {
    const cluster = await startCluster({ largeClaimsBytes: 9000, cookieName: 'oauth2_proxy_kubeflow' });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    const names = (apiCookies(cluster)[0] ?? '').split('; ').map((pair) => pair.split('=')[0]);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(names.map((_, index) => `oauth2_proxy_kubeflow_${index}`));
  });

  it("works with Kubeflow's layout: Dex under /dex on the same origin, relative Locations", async () => {
    const cluster = await startCluster({ dexOnGatewayOrigin: true, cookieName: 'oauth2_proxy_kubeflow' });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    expect(
      cluster.emulator.exchanges.every((exchange) => exchange.headers.host?.startsWith('127.0.0.1:')),
    ).toBe(true);
    const login = cluster.emulator.exchanges.find((exchange) => exchange.method === 'POST');
    expect(login?.path).toMatch(/^\/dex\/auth\/local\/login\?/);
    expect(apiCookies(cluster)).toEqual([expect.stringMatching(/^oauth2_proxy_kubeflow=/)]);
  });
});

describe('login through oidc-authservice and Dex', () => {
  it('follows the redirect to Dex and sends authservice_session', async () => {
    const cluster = await startCluster({ gateway: 'authservice' });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    expect(route(cluster)).toEqual([
      'GET gateway /pipeline 302',
      'GET dex /dex/auth 302',
      'GET dex /dex/auth/local 302',
      'GET dex /dex/auth/local/login 200',
      'POST dex /dex/auth/local/login 303',
      'GET gateway /authservice/oidc/callback 302',
      'GET gateway /pipeline/apis/v2beta1/healthz 200',
    ]);
    expect(apiCookies(cluster)).toEqual([expect.stringMatching(/^authservice_session=[\w-]+$/)]);
  });
});

describe('an endpoint without login', () => {
  it('sends no cookie and never visits Dex', async () => {
    const cluster = await startCluster({ gateway: 'none' });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual(HEALTHZ);
    expect(route(cluster)).toEqual([
      'GET gateway /pipeline 200',
      'GET gateway /pipeline/apis/v2beta1/healthz 200',
    ]);
    expect(apiCookies(cluster)).toEqual([undefined]);
    expect(cluster.auth.cache.peek()?.value).toBe('');
  });
});
