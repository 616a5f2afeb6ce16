import { join } from 'node:path';
import { DEPLOYKF_DEFAULTS, OidcAuthErrorCode, oidcAuth } from '@ml-platform/auth-oidc';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  DEVICE_CODE_GRANT,
  type OidcTestProvider,
  type ProtectedResource,
  startOidcProvider,
  startProtectedResource,
} from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf, scriptedPrompt, temporaryDirectory } from './helpers.js';

let provider: OidcTestProvider;
let kubeflow: ProtectedResource;

beforeAll(async () => {
  provider = await startOidcProvider();
  kubeflow = await startProtectedResource(provider, { audiences: [DEPLOYKF_DEFAULTS.clientId] });
});

afterAll(async () => {
  await kubeflow?.stop();
  await provider?.stop();
});

describe('device code flow (RFC 8628)', () => {
  it('shows the user code, polls until the user approves on another device, and caches the login', async () => {
    const directory = await temporaryDirectory();
    try {
      const prompt = scriptedPrompt(provider);
      const cachePath = join(directory.path, 'tokens.json');
      const auth = oidcAuth({
        issuer: provider.issuer,
        flow: 'device_code',
        prompt,
        tokenCache: { path: cachePath },
      });
      const kfp = createKfpV2Client({ baseUrl: kubeflow.kfpBaseUrl, auth });

      const { data } = await kfp.GET('/apis/v2beta1/healthz');

      expect(data?.multi_user).toBe(true);
      expect(kubeflow.requests.at(-1)?.subject).toBe('alice');
      expect(prompt.shownDeviceCodes).toHaveLength(1);
      const shown = prompt.shownDeviceCodes[0];
      expect(shown?.verificationUri).toBe(`${provider.issuer}/device`);
      expect(shown?.verificationUriComplete).toContain(encodeURIComponent(shown?.userCode ?? '-'));
      expect(shown?.expiresInSeconds).toBeGreaterThan(0);
      expect(provider.countTokenRequests(DEVICE_CODE_GRANT, 'ok')).toBe(1);

      const later = oidcAuth({
        issuer: provider.issuer,
        flow: 'device_code',
        prompt,
        interactive: false,
        tokenCache: { path: cachePath },
      });
      expect(await later.getToken()).toBe(await auth.getToken());
      expect(prompt.shownDeviceCodes).toHaveLength(1);
    } finally {
      await directory.remove();
    }
  });

  it('reports a login denied on the verification page as AUTH_OIDC_LOGIN_FAILED', async () => {
    const prompt = scriptedPrompt(provider);
    prompt.answer = 'deny';
    prompt.showDeviceCode = async (details) => {
      await provider.approveDevice(details.userCode, 'deny').catch(() => undefined);
    };

    const error = await rejectionOf(
      oidcAuth({ issuer: provider.issuer, flow: 'device_code', prompt, tokenCache: false }).getToken(),
    );

    expect(error.code).toBe(OidcAuthErrorCode.loginFailed);
    expect(error.oauthError).toBe('access_denied');
  });

  it('gives up with AUTH_OIDC_LOGIN_TIMEOUT when nobody approves within loginTimeoutMs', async () => {
    const prompt = scriptedPrompt(provider);
    prompt.showDeviceCode = () => undefined;

    const error = await rejectionOf(
      oidcAuth({
        issuer: provider.issuer,
        flow: 'device_code',
        prompt,
        tokenCache: false,
        loginTimeoutMs: 500,
      }).getToken(),
    );

    expect(error.code).toBe(OidcAuthErrorCode.loginTimeout);
    expect(error.message).toContain('loginTimeoutMs');
  });
});
