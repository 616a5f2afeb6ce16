import { OidcAuthError, OidcAuthErrorCode, oidcAuth } from '@ml-platform/auth-oidc';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  type OidcTestProvider,
  type ProtectedResource,
  startOidcProvider,
  startProtectedResource,
} from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, rejectionOf } from './helpers.js';

let provider: OidcTestProvider;
let pipelines: ProtectedResource;

beforeAll(async () => {
  provider = await startOidcProvider();
  pipelines = await startProtectedResource(provider, { accept: 'access_token' });
});

afterAll(async () => {
  await pipelines?.stop();
  await provider?.stop();
});

function machineAuth(overrides: Partial<Parameters<typeof oidcAuth>[0]> = {}) {
  const { clientId, clientSecret } = provider.clients.clientCredentials;
  return oidcAuth({
    issuer: provider.issuer,
    flow: 'client_credentials',
    clientId,
    clientSecret,
    tokenType: 'access_token',
    ...overrides,
  });
}

describe('client_credentials flow', () => {
  it('signs KFP requests with the access token and fetches it once for many requests', async () => {
    const before = provider.countTokenRequests('client_credentials', 'ok');
    const auth = machineAuth();
    const kfp = createKfpV2Client({ baseUrl: pipelines.kfpBaseUrl, auth });

    const first = await kfp.GET('/apis/v2beta1/healthz');
    const second = await kfp.GET('/apis/v2beta1/healthz');

    expect(first.data).toEqual({ multi_user: true, pipeline_store: 'database' });
    expect(second.response.status).toBe(200);
    expect(pipelines.requests.at(-1)?.subject).toBe(provider.clients.clientCredentials.clientId);
    expect(provider.countTokenRequests('client_credentials', 'ok') - before).toBe(1);
    expect(auth.acquisitions).toBe(1);
  });

  it('sends the secret the way the provider asks: Basic by default, in the body when only post is offered', async () => {
    const postOnly = await startOidcProvider({ clientAuthMethods: ['client_secret_post'] });
    try {
      const seen = new Map<string, string[]>();
      const observe = (issuer: string) => async (request: Request) => {
        if (request.method === 'POST') {
          const body = new URLSearchParams(await request.clone().text());
          const mechanism = request.headers.get('authorization')?.startsWith('Basic ')
            ? 'basic'
            : body.has('client_secret')
              ? 'post'
              : 'none';
          seen.set(issuer, [...(seen.get(issuer) ?? []), mechanism]);
        }
        return fetch(request);
      };
      const client = postOnly.clients.clientCredentials;
      expect(client.authMethod).toBe('client_secret_post');

      await machineAuth({ fetch: observe(provider.issuer) }).getToken();
      await oidcAuth({
        issuer: postOnly.issuer,
        flow: 'client_credentials',
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        tokenType: 'access_token',
        fetch: observe(postOnly.issuer),
      }).getToken();
      await machineAuth({ fetch: observe('explicit'), clientAuthMethod: 'client_secret_post' }).getToken();

      expect(seen.get(provider.issuer)).toEqual(['basic']);
      expect(seen.get(postOnly.issuer)).toEqual(['post']);
      expect(seen.get('explicit')).toEqual(['post']);
    } finally {
      await postOnly.stop();
    }
  });

  it('reports a wrong client secret as AUTH_OIDC_CLIENT_REJECTED without the secret', async () => {
    const wrongSecret = 'wrong-secret-value-8f3a1c';
    const auth = machineAuth({ clientSecret: wrongSecret });
    const kfp = createKfpV2Client({ baseUrl: pipelines.kfpBaseUrl, auth });

    const error = await rejectionOf(kfp.GET('/apis/v2beta1/healthz'));

    expect(error).toBeInstanceOf(OidcAuthError);
    expect(error.code).toBe(OidcAuthErrorCode.clientRejected);
    expect(error.oauthError).toBe('invalid_client');
    expect(error.message).toContain(`"${provider.clients.clientCredentials.clientId}"`);
    expect(error.cause).toBeDefined();
    expectNoSecrets(error, [wrongSecret, provider.clients.clientCredentials.clientSecret]);
  });

  it('explains that client_credentials has no id_token when tokenType is left at its default', async () => {
    const auth = machineAuth({ tokenType: undefined });

    const error = await rejectionOf(auth.getToken());

    expect(error.code).toBe(OidcAuthErrorCode.tokenMissing);
    expect(error.message).toContain("tokenType: 'access_token'");
  });

  it('repeats the grant when the API refuses the token, and replays the request once', async () => {
    const auth = machineAuth();
    const kfp = createKfpV2Client({ baseUrl: pipelines.kfpBaseUrl, auth });
    await kfp.GET('/apis/v2beta1/healthz');
    const before = provider.countTokenRequests('client_credentials', 'ok');
    pipelines.deny(await auth.getToken());

    const { response } = await kfp.GET('/apis/v2beta1/healthz');

    expect(response.status).toBe(200);
    expect(provider.countTokenRequests('client_credentials', 'ok') - before).toBe(1);
    expect(pipelines.requests.slice(-2).map((request) => request.status)).toEqual([401, 200]);
  });
});
