import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEPLOYKF_DEFAULTS, OidcAuthErrorCode, OidcAuthWarningCode, oidcAuth } from '@ml-platform/auth-oidc';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  type OidcTestProvider,
  type ProtectedResource,
  startOidcProvider,
  startProtectedResource,
} from '@ml-platform/testbed/oidc/index';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoSecrets,
  rejectionOf,
  scriptedPrompt,
  temporaryDirectory,
  testClock,
  warningLog,
} from './helpers.js';

let provider: OidcTestProvider;
let kubeflow: ProtectedResource;
let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
let cachePath: string;

beforeAll(async () => {
  provider = await startOidcProvider();
  kubeflow = await startProtectedResource(provider, { audiences: [DEPLOYKF_DEFAULTS.clientId] });
});

afterAll(async () => {
  await kubeflow?.stop();
  await provider?.stop();
});

beforeEach(async () => {
  directory = await temporaryDirectory();
  cachePath = join(directory.path, 'tokens.json');
});

afterEach(async () => {
  await directory.remove();
});

describe('authorization code flow, out-of-band (deployKF defaults)', () => {
  it('shows the login URL, takes the pasted code and calls KFP as the user', async () => {
    const prompt = scriptedPrompt(provider);
    const auth = oidcAuth({
      issuer: provider.issuer,
      flow: 'authorization_code',
      prompt,
      tokenCache: { path: cachePath },
    });
    const kfp = createKfpV2Client({ baseUrl: kubeflow.kfpBaseUrl, auth });

    const { data } = await kfp.GET('/apis/v2beta1/healthz');

    expect(data).toEqual({ multi_user: true, pipeline_store: 'database' });
    expect(kubeflow.requests.at(-1)?.subject).toBe('alice');
    expect(prompt.shownUrls).toHaveLength(1);
    const query = Object.fromEntries(prompt.shownUrls[0]?.searchParams ?? []);
    expect(query).toMatchObject({
      client_id: 'kubeflow-pipelines-sdk',
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      scope: 'openid email groups profile offline_access',
      response_type: 'code',
      code_challenge_method: 'S256',
      prompt: 'consent',
    });
    expect(query.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(query.state).toBeTruthy();
    expect(query.nonce).toBeTruthy();
  });

  it('uses a fresh state, nonce and PKCE challenge for every login', async () => {
    const prompt = scriptedPrompt(provider);
    for (let login = 0; login < 2; login += 1) {
      await oidcAuth({
        issuer: provider.issuer,
        flow: 'authorization_code',
        prompt,
        tokenCache: false,
      }).getToken();
    }

    const [first, second] = prompt.shownUrls.map((url) => url.searchParams);
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(first?.get(name)).toBeTruthy();
      expect(first?.get(name)).not.toBe(second?.get(name));
    }
  });

  it('accepts the whole redirect URL pasted, and refuses one whose state is not this login', async () => {
    const prompt = scriptedPrompt(provider);
    prompt.paste = (redirect) => redirect.href;
    await oidcAuth({
      issuer: provider.issuer,
      flow: 'authorization_code',
      prompt,
      tokenCache: false,
    }).getToken();

    let pastedCode = '';
    prompt.paste = (redirect) => {
      pastedCode = redirect.searchParams.get('code') ?? '';
      const forged = new URL(redirect);
      forged.searchParams.set('state', 'state-of-another-login');
      return forged.href;
    };
    const error = await rejectionOf(
      oidcAuth({ issuer: provider.issuer, flow: 'authorization_code', prompt, tokenCache: false }).getToken(),
    );

    expect(error.code).toBe(OidcAuthErrorCode.invalidResponse);
    expect(pastedCode).not.toBe('');
    expectNoSecrets(error, [pastedCode]);
  });

  it('reports an empty paste as AUTH_OIDC_LOGIN_CANCELLED', async () => {
    const prompt = scriptedPrompt(provider);
    prompt.paste = () => '   ';

    const error = await rejectionOf(
      oidcAuth({ issuer: provider.issuer, flow: 'authorization_code', prompt, tokenCache: false }).getToken(),
    );

    expect(error.code).toBe(OidcAuthErrorCode.loginCancelled);
  });
});

describe('authorization code flow, loopback redirect (RFC 8252)', () => {
  it('receives the code on 127.0.0.1 and ignores a request with another state', async () => {
    const prompt = scriptedPrompt(provider);
    const strayAnswers: number[] = [];
    const show = prompt.showAuthorizationUrl.bind(prompt);
    prompt.showAuthorizationUrl = async (details) => {
      const redirectUri = new URL(new URL(details.url).searchParams.get('redirect_uri') ?? '');
      redirectUri.searchParams.set('code', 'stray-code');
      redirectUri.searchParams.set('state', 'not-this-login');
      strayAnswers.push((await fetch(redirectUri)).status);
      await show(details);
    };
    const auth = oidcAuth({
      issuer: provider.issuer,
      flow: 'authorization_code',
      redirect: 'loopback',
      prompt,
      tokenCache: false,
    });
    const kfp = createKfpV2Client({ baseUrl: kubeflow.kfpBaseUrl, auth });

    const { response } = await kfp.GET('/apis/v2beta1/healthz');

    expect(response.status).toBe(200);
    expect(strayAnswers).toEqual([400]);
    expect(prompt.shownUrls[0]?.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );
    const port = new URL(prompt.shownUrls[0]?.searchParams.get('redirect_uri') ?? '').port;
    await expect(fetch(`http://127.0.0.1:${port}/callback`)).rejects.toThrow();
  });

  it('reports a login denied at the provider as AUTH_OIDC_LOGIN_FAILED', async () => {
    const prompt = scriptedPrompt(provider);
    prompt.answer = 'deny';

    const error = await rejectionOf(
      oidcAuth({
        issuer: provider.issuer,
        flow: 'authorization_code',
        redirect: 'loopback',
        prompt,
        tokenCache: false,
      }).getToken(),
    );

    expect(error.code).toBe(OidcAuthErrorCode.loginFailed);
    expect(error.oauthError).toBe('access_denied');
  });
});

describe('after the login', () => {
  it('refreshes before asking again, asks again once the refresh token is revoked, and never asks when told not to', async () => {
    const prompt = scriptedPrompt(provider);
    const clock = testClock();
    const { warnings, onWarning } = warningLog();
    const options = {
      issuer: provider.issuer,
      flow: 'authorization_code',
      prompt,
      tokenCache: { path: cachePath },
      now: clock.now,
      onWarning,
    } as const;
    const auth = oidcAuth(options);
    const kfp = createKfpV2Client({ baseUrl: kubeflow.kfpBaseUrl, auth });
    await kfp.GET('/apis/v2beta1/healthz');
    expect(prompt.asked).toBe(1);

    // A second program on the same machine finds the login in the cache file.
    const codeGrants = provider.countTokenRequests('authorization_code');
    const secondProgram = oidcAuth({ ...options, interactive: false });
    expect(await secondProgram.getToken()).toBe(await auth.getToken());
    expect(provider.countTokenRequests('authorization_code')).toBe(codeGrants);

    // Near expiry: the refresh token, not the user.
    const refreshes = provider.countTokenRequests('refresh_token', 'ok');
    clock.advanceTo(await auth.getToken(), 10_000);
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(provider.countTokenRequests('refresh_token', 'ok') - refreshes).toBe(1);
    expect(prompt.asked).toBe(1);

    // Refresh token revoked: a program that may not ask fails clearly; one that may, asks.
    await provider.revokeRefreshTokens();
    clock.reset();
    clock.advanceTo(await auth.getToken(), 10_000);
    const headless = oidcAuth({ ...options, interactive: false });
    const error = await rejectionOf(headless.getToken());
    expect(error.code).toBe(OidcAuthErrorCode.loginRequired);
    expect(prompt.asked).toBe(1);

    clock.reset();
    clock.advanceTo(await auth.getToken(), 10_000);
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    clock.reset();
    expect(prompt.asked).toBe(2);
    expect(warnings.map((warning) => warning.code)).toContain(OidcAuthWarningCode.refreshRejected);

    const saved = await readFile(cachePath, 'utf8');
    expect(saved).toContain(await auth.getToken());
    expectNoSecrets(warnings, [saved.match(/"refresh_token": "([^"]+)"/)?.[1]]);
  });
});
