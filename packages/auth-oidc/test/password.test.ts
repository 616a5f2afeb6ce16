import {
  OidcAuthErrorCode,
  OidcAuthWarningCode,
  oidcAuth,
  SELDON_DEPLOY_DEFAULTS,
} from '@ml-platform/auth-oidc';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import {
  type OidcTestProvider,
  type ProtectedResource,
  startOidcProvider,
  startProtectedResource,
} from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, rejectionOf, testClock, warningLog } from './helpers.js';

let provider: OidcTestProvider;
let seldon: ProtectedResource;

beforeAll(async () => {
  provider = await startOidcProvider();
  seldon = await startProtectedResource(provider, { audiences: [provider.clients.password.clientId] });
});

afterAll(async () => {
  await seldon?.stop();
  await provider?.stop();
});

function passwordAuth(overrides: Partial<Parameters<typeof oidcAuth>[0]> = {}) {
  const { clientId, clientSecret } = provider.clients.password;
  return oidcAuth({
    issuer: provider.issuer,
    flow: 'password',
    clientId,
    clientSecret,
    username: provider.users.alice.username,
    password: provider.users.alice.password,
    ...overrides,
  });
}

describe('password flow (Seldon Deploy password_grant)', () => {
  it("calls Seldon Deploy with the user's id_token", async () => {
    const auth = passwordAuth({ ...SELDON_DEPLOY_DEFAULTS });
    const client = createSeldonDeployClient({ baseUrl: seldon.seldonBaseUrl, auth });

    const { data, response } = await client.GET('/healthcheck');

    expect(response.status).toBe(200);
    expect(data).toEqual({ Elastic: 'ok', Prometheus: 'ok' });
    expect(seldon.requests.at(-1)?.subject).toBe('alice');
    const claims = (await provider.verifyToken(await auth.getToken()))?.claims;
    expect(claims).toMatchObject({ email: 'alice@example.com', groups: ['kubeflow-users', 'data-science'] });
  });

  it('sends the resource indicator with the token request', async () => {
    const resource = 'https://seldon.example.com/seldon-deploy';
    const tokenRequests: URLSearchParams[] = [];
    const auth = passwordAuth({
      resource,
      fetch: async (request) => {
        if (request.method === 'POST') tokenRequests.push(new URLSearchParams(await request.clone().text()));
        return fetch(request);
      },
    });

    await auth.getToken();

    expect(tokenRequests.map((body) => body.get('resource'))).toEqual([resource]);
    expect(tokenRequests[0]?.get('grant_type')).toBe('password');
  });

  it('renews an expiring token with the refresh token instead of sending the password again', async () => {
    const clock = testClock();
    const auth = passwordAuth({ now: clock.now });
    const client = createSeldonDeployClient({ baseUrl: seldon.seldonBaseUrl, auth });
    await client.GET('/healthcheck');
    const passwordGrants = provider.countTokenRequests('password');
    const refreshGrants = provider.countTokenRequests('refresh_token', 'ok');
    clock.advanceTo(await auth.getToken(), 10_000);

    const { response } = await client.GET('/healthcheck');

    expect(response.status).toBe(200);
    expect(provider.countTokenRequests('refresh_token', 'ok') - refreshGrants).toBe(1);
    expect(provider.countTokenRequests('password')).toBe(passwordGrants);
  });

  it('falls back to the password grant when the refresh token was revoked, and says so', async () => {
    const { warnings, onWarning } = warningLog();
    const clock = testClock();
    const auth = passwordAuth({ onWarning, now: clock.now });
    const client = createSeldonDeployClient({ baseUrl: seldon.seldonBaseUrl, auth });
    await client.GET('/healthcheck');
    await provider.revokeRefreshTokens();
    const passwordGrants = provider.countTokenRequests('password', 'ok');
    const refusedRefreshes = provider.countTokenRequests('refresh_token', 'error');
    clock.advanceTo(await auth.getToken(), 10_000);

    const { response } = await client.GET('/healthcheck');

    expect(response.status).toBe(200);
    expect(provider.countTokenRequests('refresh_token', 'error') - refusedRefreshes).toBe(1);
    expect(provider.countTokenRequests('password', 'ok') - passwordGrants).toBe(1);
    expect(warnings.map((warning) => warning.code)).toEqual([OidcAuthWarningCode.refreshRejected]);
    expect(warnings[0]?.message).toContain('invalid_grant');
    expect(warnings[0]?.message).toContain('repeating the password grant');
    expectNoSecrets(warnings, [provider.users.alice.password, provider.clients.password.clientSecret]);
  });

  it('keeps tokens out of what the plugin and its credential print or serialize', async () => {
    const auth = passwordAuth();
    const token = await auth.getToken();
    const credential = auth.cache.peek();

    expect(credential?.value).toBe(token);
    expect(String(credential)).toContain('[REDACTED]');
    expect(String(auth)).toContain(provider.clients.password.clientId);
    expectNoSecrets(auth, [token, provider.users.alice.password, provider.clients.password.clientSecret]);
    expectNoSecrets(credential, [token]);
  });

  it('reports a wrong password as AUTH_OIDC_BAD_CREDENTIALS naming the user, not the password', async () => {
    const wrongPassword = 'not-alices-password-42';
    const auth = passwordAuth({ password: wrongPassword });
    const client = createSeldonDeployClient({ baseUrl: seldon.seldonBaseUrl, auth });

    const error = await rejectionOf(client.GET('/healthcheck'));

    expect(error.code).toBe(OidcAuthErrorCode.badCredentials);
    expect(error.oauthError).toBe('invalid_grant');
    expect(error.message).toContain('"alice"');
    expect(error.message).toContain('Check username and password');
    expectNoSecrets(error, [
      wrongPassword,
      provider.clients.password.clientSecret,
      provider.users.alice.password,
    ]);
    expectNoSecrets(auth, [wrongPassword, provider.clients.password.clientSecret]);
  });

  it('does not send a refused password again for 60 s: calls fail at once with the same error, then it retries', async () => {
    const wrongPassword = 'not-alices-password-43';
    let clockOffsetMs = 0;
    let passwordGrants = 0;
    const auth = passwordAuth({
      password: wrongPassword,
      now: () => Date.now() + clockOffsetMs,
      fetch: async (request: Request) => {
        if (request.method === 'POST' && (await request.clone().text()).includes('grant_type=password')) {
          passwordGrants += 1;
        }
        return fetch(request);
      },
    });
    const client = createSeldonDeployClient({ baseUrl: seldon.seldonBaseUrl, auth });

    const first = await rejectionOf(client.GET('/healthcheck'));
    expect(first.code).toBe(OidcAuthErrorCode.badCredentials);
    expect(first.message).toMatch(/Not sending the same password again before .+Z \(a 60 s cooldown/);
    for (let retry = 0; retry < 5; retry += 1) {
      expect(await rejectionOf(client.GET('/healthcheck'))).toBe(first);
    }
    expect(passwordGrants).toBe(1);
    expectNoSecrets(first, [wrongPassword, provider.clients.password.clientSecret]);

    clockOffsetMs = 60_001;
    const after = await rejectionOf(client.GET('/healthcheck'));
    expect(after).not.toBe(first);
    expect(after.code).toBe(OidcAuthErrorCode.badCredentials);
    expect(passwordGrants).toBe(2);
  });
});
