import { oidcAuth } from '@ml-platform/auth-oidc';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  type OidcTestProvider,
  type ProtectedResource,
  startOidcProvider,
  startProtectedResource,
} from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testClock } from './helpers.js';

let provider: OidcTestProvider;
let byIdToken: ProtectedResource;
let byAccessToken: ProtectedResource;

beforeAll(async () => {
  provider = await startOidcProvider();
  byIdToken = await startProtectedResource(provider);
  byAccessToken = await startProtectedResource(provider, { accept: 'access_token' });
});

afterAll(async () => {
  await byIdToken?.stop();
  await byAccessToken?.stop();
  await provider?.stop();
});

function passwordAuth(overrides: Partial<Parameters<typeof oidcAuth>[0]> = {}) {
  const { clientId, clientSecret } = provider.clients.password;
  return oidcAuth({
    issuer: provider.issuer,
    flow: 'password',
    clientId,
    clientSecret,
    username: 'alice',
    password: provider.users.alice.password,
    ...overrides,
  });
}

const BURST = 500;

describe('token lifetime', () => {
  it(`refreshes once for ${BURST} concurrent requests that find the token expired`, async () => {
    const clock = testClock();
    const auth = passwordAuth({ now: clock.now });
    const kfp = createKfpV2Client({ baseUrl: byIdToken.kfpBaseUrl, auth });
    await kfp.GET('/apis/v2beta1/healthz');
    const refreshes = provider.countTokenRequests('refresh_token');
    const logins = provider.countTokenRequests('password');
    clock.advanceTo(await auth.getToken(), 10_000);

    const responses = await Promise.all(
      Array.from({ length: BURST }, () => kfp.GET('/apis/v2beta1/healthz')),
    );
    clock.reset();

    expect(responses.filter(({ response }) => response.status === 200)).toHaveLength(BURST);
    expect(provider.countTokenRequests('refresh_token') - refreshes).toBe(1);
    expect(provider.countTokenRequests('password')).toBe(logins);
    expect(auth.acquisitions).toBe(2);
  });

  it(`serves ${BURST} requests inside the refresh-ahead window from the current token with one background refresh`, async () => {
    const clock = testClock();
    const auth = passwordAuth({ now: clock.now, skewMs: 30_000, refreshAheadMs: 120_000 });
    const kfp = createKfpV2Client({ baseUrl: byIdToken.kfpBaseUrl, auth });
    await kfp.GET('/apis/v2beta1/healthz');
    const refreshes = provider.countTokenRequests('refresh_token', 'ok');
    const current = await auth.getToken();
    clock.advanceTo(current, 60_000);

    const responses = await Promise.all(
      Array.from({ length: BURST }, () => kfp.GET('/apis/v2beta1/healthz')),
    );
    await vi.waitFor(() => expect(provider.countTokenRequests('refresh_token', 'ok') - refreshes).toBe(1));
    clock.reset();

    expect(responses.every(({ response }) => response.status === 200)).toBe(true);
    expect(auth.acquisitions).toBe(2);
    expect(provider.countTokenRequests('refresh_token', 'ok') - refreshes).toBe(1);
  });

  it('replays a refused POST once, body included, with a refreshed token', async () => {
    const auth = passwordAuth({ tokenType: 'access_token' });
    const kfp = createKfpV2Client({ baseUrl: byAccessToken.kfpBaseUrl, auth });
    await kfp.GET('/apis/v2beta1/healthz');
    const refreshes = provider.countTokenRequests('refresh_token', 'ok');
    byAccessToken.deny(await auth.getToken());

    const { data, response } = await kfp.POST('/apis/v2beta1/experiments', {
      body: { display_name: 'nightly-training', description: 'replayed after a 401' },
    });

    expect(response.status).toBe(200);
    expect(data?.display_name).toBe('nightly-training');
    expect(provider.countTokenRequests('refresh_token', 'ok') - refreshes).toBe(1);
    const [refused, replayed] = byAccessToken.requests.slice(-2);
    expect(refused?.status).toBe(401);
    expect(replayed?.status).toBe(200);
    expect(replayed?.bodyBytes).toBe(refused?.bodyBytes);
    expect(replayed?.bodyBytes).toBeGreaterThan(0);
  });

  it('returns the 401 after one replay when the API refuses every token', async () => {
    // It takes ID tokens only; the plugin sends access tokens (new ones on every refresh).
    const stranger = await startProtectedResource(provider, { accept: 'id_token' });
    try {
      const auth = passwordAuth({ tokenType: 'access_token' });
      const kfp = createKfpV2Client({ baseUrl: stranger.kfpBaseUrl, auth });
      await auth.getToken();
      const refreshes = provider.countTokenRequests('refresh_token');

      const { response, error } = await kfp.GET('/apis/v2beta1/healthz');

      expect(response.status).toBe(401);
      expect(error).toMatchObject({ message: 'Jwt verification fails' });
      expect(stranger.requests).toHaveLength(2);
      expect(provider.countTokenRequests('refresh_token') - refreshes).toBe(1);
    } finally {
      await stranger.stop();
    }
  });
});

describe('short-lived tokens', () => {
  it('asks for a token about once per lifetime, though skewMs and refreshAheadMs exceed it', async () => {
    // 4 s tokens against the defaults (skewMs 30 s, refreshAheadMs 60 s): both windows are capped at a
    // fraction of the lifetime, as auth-kubeconfig caps exec credentials, instead of refetching on every call.
    const shortLived = await startOidcProvider({ idTokenTtlSeconds: 4, accessTokenTtlSeconds: 4 });
    const resource = await startProtectedResource(shortLived);
    try {
      const { clientId, clientSecret } = shortLived.clients.password;
      const auth = oidcAuth({
        issuer: shortLived.issuer,
        flow: 'password',
        clientId,
        clientSecret,
        username: 'alice',
        password: shortLived.users.alice.password,
      });
      const kfp = createKfpV2Client({ baseUrl: resource.kfpBaseUrl, auth });
      const started = Date.now();
      let calls = 0;
      while (Date.now() - started < 6_000) {
        const { response } = await kfp.GET('/apis/v2beta1/healthz');
        expect(response.status).toBe(200);
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const tokenRequests =
        shortLived.countTokenRequests('password') + shortLived.countTokenRequests('refresh_token');
      expect(calls).toBeGreaterThan(20);
      // 6 s of 4 s tokens refreshed a quarter of their life early: 3 or 4 token requests, never one per call.
      expect(tokenRequests).toBeLessThanOrEqual(5);
    } finally {
      await resource.stop();
      await shortLived.stop();
    }
  });
});
