import { OidcAuthErrorCode, oidcAuth } from '@ml-platform/auth-oidc';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { freePort, startTinyproxy, type Tinyproxy } from '@ml-platform/testbed';
import {
  type OidcTestProvider,
  type ProtectedResource,
  startOidcProvider,
  startProtectedResource,
} from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from './helpers.js';

let provider: OidcTestProvider;
let pipelines: ProtectedResource;
let proxy: Tinyproxy;

beforeAll(async () => {
  provider = await startOidcProvider();
  pipelines = await startProtectedResource(provider, { accept: 'access_token' });
  proxy = await startTinyproxy();
});
afterAll(async () => {
  await proxy?.stop();
  await pipelines?.stop();
  await provider?.stop();
});

function causeCodes(error: unknown): unknown[] {
  const codes: unknown[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    codes.push((current as { code?: unknown }).code);
  }
  return codes;
}

function machineAuth(proxyOption: string) {
  const { clientId, clientSecret } = provider.clients.clientCredentials;
  return oidcAuth({
    issuer: provider.issuer,
    flow: 'client_credentials',
    clientId,
    clientSecret,
    tokenType: 'access_token',
    proxy: proxyOption,
  });
}

describe('proxy option (a real tinyproxy)', () => {
  it('sends discovery and the token call through the proxy', async () => {
    const issuerHost = new URL(provider.issuer).host;
    const kfp = createKfpV2Client({ baseUrl: pipelines.kfpBaseUrl, auth: machineAuth(proxy.url) });
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(proxy.requestLines()).toContain(`CONNECT ${issuerHost} HTTP/1.1`);
  });

  it('fails when the proxy is down, never going around it', async () => {
    const before = provider.countTokenRequests('client_credentials', 'ok');
    const down = `http://127.0.0.1:${await freePort()}`;
    const kfp = createKfpV2Client({ baseUrl: pipelines.kfpBaseUrl, auth: machineAuth(down) });
    const error = await rejectionOf(kfp.GET('/apis/v2beta1/healthz'));
    // Discovery is the first call; core's PROXY_ERROR is in its cause chain.
    expect(error).toMatchObject({ code: OidcAuthErrorCode.discoveryFailed });
    expect(causeCodes(error)).toContain('PROXY_ERROR');
    expect(provider.countTokenRequests('client_credentials', 'ok')).toBe(before);
  });

  it('refuses a proxy it cannot use when the plugin is created', () => {
    expect(() => machineAuth('socks5://127.0.0.1:1080')).toThrow(
      /expected an http:\/\/ or https:\/\/ proxy URL/,
    );
  });
});
