import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type OidcTestProvider, startOidcProvider } from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIRST_ACQUISITION = fileURLToPath(new URL('./fixtures/first-acquisition.mjs', import.meta.url));

let provider: OidcTestProvider;

beforeAll(async () => {
  provider = await startOidcProvider();
});

afterAll(async () => {
  await provider?.stop();
});

interface Report {
  misconfigured: { name?: string; code?: string; message?: string; created?: boolean };
  afterCreation: string[];
  token: { length: number; acquisitions: number };
  afterFirstToken: string[];
}

/** What only the first acquisition may load: the provider client, the flow, the failure texts. */
const LAZY = [
  /\/openid-client\//,
  /\/oauth4webapi\//,
  /\/auth-oidc\/dist\/(token-acquisition|flows\/|provider-configuration|provider-errors)/,
];

describe('a fresh process', () => {
  it('refuses a misconfigured flow when the plugin is created, loads the provider client only for the first token, and gets it', async () => {
    const { clientId, clientSecret } = provider.clients.clientCredentials;
    const { stdout } = await promisify(execFile)(process.execPath, [FIRST_ACQUISITION], {
      env: { ...process.env, ISSUER: provider.issuer, CLIENT_ID: clientId, CLIENT_SECRET: clientSecret },
      timeout: 60_000,
    });
    const report = JSON.parse(stdout) as Report;

    // The same ConfigError as ever, thrown by oidcAuth itself, before any request.
    expect(report.misconfigured).toEqual({
      name: 'ConfigError',
      code: 'CONFIG_INVALID_OPTION',
      message:
        '[@ml-platform/auth-oidc] prompt must have showAuthorizationUrl, readAuthorizationCode and showDeviceCode functions.',
    });
    for (const pattern of LAZY) {
      expect(report.afterCreation.filter((url) => pattern.test(url))).toEqual([]);
    }
    expect(report.token.acquisitions).toBe(1);
    expect(report.token.length).toBeGreaterThan(10);
    expect(report.afterFirstToken.some((url) => /\/openid-client\//.test(url))).toBe(true);
    expect(report.afterFirstToken.some((url) => url.endsWith('/flows/client-credentials.js'))).toBe(true);
    // A machine client loads neither the interactive flows nor the token cache file, even for its token.
    expect(
      report.afterFirstToken.filter((url) =>
        /\/(loopback|loopback-server|device-code|out-of-band|token-cache-file|provider-errors)\.js$/.test(
          url,
        ),
      ),
    ).toEqual([]);
  });
});
