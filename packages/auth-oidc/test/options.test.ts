import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import {
  createTerminalPrompt,
  defaultTokenCachePath,
  OidcAuthErrorCode,
  type OidcAuthOptions,
  oidcAuth,
} from '@ml-platform/auth-oidc';
import { ConfigError } from '@ml-platform/core';
import { createTestCertificates, type TestCertificates } from '@ml-platform/testbed';
import { type OidcTestProvider, startOidcProvider } from '@ml-platform/testbed/oidc/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, rejectionOf } from './helpers.js';

const PASSWORD = 'correct-horse-battery-staple';
const SECRET = 'client-secret-0123456789';

describe('options are checked up front', () => {
  const base: OidcAuthOptions = {
    issuer: 'https://dex.example.com/dex',
    flow: 'authorization_code',
    tokenCache: false,
  };
  const cases: Array<[string, Partial<OidcAuthOptions> | Record<string, unknown>, RegExp]> = [
    ['no issuer', { issuer: undefined }, /issuer is required/],
    [
      'a relative issuer',
      { issuer: '/dex' },
      /issuer must be an absolute URL with a scheme, e.g. https:\/\/kubeflow.example.com\/dex/,
    ],
    ['http on a non-loopback host', { issuer: 'http://dex.example.com/dex' }, /allowHttpIssuer: true/],
    ['an unknown flow', { flow: 'implicit' }, /flow must be one of/],
    [
      'password without a password',
      { flow: 'password', clientId: 'sd-api', username: 'alice', password: undefined },
      /username and password/,
    ],
    [
      'client_credentials without a secret',
      { flow: 'client_credentials', clientId: 'batch', clientSecret: undefined },
      /needs clientSecret/,
    ],
    [
      'client_credentials without a client',
      { flow: 'client_credentials', clientSecret: SECRET },
      /clientId is required/,
    ],
    [
      'a secret for a public client',
      { clientSecret: SECRET, clientAuthMethod: 'none' },
      /leave clientSecret out/,
    ],
    ['an unknown token type', { tokenType: 'refresh_token' }, /tokenType must be one of/],
    ['a relative resource', { resource: 'seldon' }, /absolute URI/],
    [
      'redirectUri with the loopback redirect',
      { redirect: 'loopback', redirectUri: 'http://127.0.0.1/cb' },
      /loopback/,
    ],
    ['a bad tokenCache', { tokenCache: 'yes' }, /tokenCache must be/],
    ['a prompt without methods', { prompt: { showAuthorizationUrl() {} } }, /prompt must have/],
  ];

  it.each(cases)('refuses %s with a ConfigError that says what to do', (_name, overrides, message) => {
    const attempt = () =>
      oidcAuth({ ...base, password: PASSWORD, clientSecret: SECRET, ...overrides } as OidcAuthOptions);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).code).toBe('CONFIG_INVALID_OPTION');
      expect((error as Error).message).toMatch(/^\[@ml-platform\/auth-oidc\] /);
      expectNoSecrets(error, [PASSWORD, SECRET]);
    }
  });

  it('accepts deployKF with nothing but the issuer and the flow, and http only on loopback or when allowed', () => {
    expect(() => oidcAuth(base)).not.toThrow();
    expect(() => oidcAuth({ ...base, issuer: 'http://127.0.0.1:5556/dex' })).not.toThrow();
    expect(() => oidcAuth({ ...base, issuer: 'http://localhost:5556/dex' })).not.toThrow();
    expect(() =>
      oidcAuth({ ...base, issuer: 'http://dex.kubeflow.svc/dex', allowHttpIssuer: true }),
    ).not.toThrow();
  });

  it('caches interactive logins under XDG_CONFIG_HOME by default', () => {
    const before = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = '/home/alice/.cfg';
    try {
      expect(defaultTokenCachePath()).toBe('/home/alice/.cfg/ml-platform/oidc-tokens.json');
    } finally {
      if (before === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = before;
    }
  });
});

describe('TLS for discovery and token calls', () => {
  let certificates: TestCertificates;
  let provider: OidcTestProvider;

  beforeAll(async () => {
    certificates = createTestCertificates();
    provider = await startOidcProvider({ tls: { key: certificates.key, cert: certificates.cert } });
  });

  afterAll(async () => {
    await provider?.stop();
  });

  const machine = (overrides: Partial<OidcAuthOptions>) =>
    oidcAuth({
      issuer: provider.issuer,
      flow: 'client_credentials',
      clientId: provider.clients.clientCredentials.clientId,
      clientSecret: provider.clients.clientCredentials.clientSecret,
      tokenType: 'access_token',
      ...overrides,
    });

  it('refuses a provider whose certificate it cannot verify, and says to pass tls.ca', async () => {
    const error = await rejectionOf(machine({}).getToken());

    expect(error.code).toBe(OidcAuthErrorCode.discoveryFailed);
    expect(error.message).toContain('tls.ca');
    expect(error.message).toContain(provider.issuer);
    expectNoSecrets(error, [provider.clients.clientCredentials.clientSecret]);
  });

  it('trusts the provider through tls.ca, or with insecureSkipVerify when asked explicitly', async () => {
    const before = provider.countTokenRequests('client_credentials', 'ok');

    await machine({ tls: { ca: certificates.ca } }).getToken();
    await machine({ tls: { insecureSkipVerify: true } }).getToken();

    expect(provider.countTokenRequests('client_credentials', 'ok') - before).toBe(2);
  });

  it('reports a server that is not an OpenID Provider as AUTH_OIDC_DISCOVERY_FAILED', async () => {
    const server = createServer({ key: certificates.key, cert: certificates.cert }, (_request, response) => {
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}/dex`;
      const error = await rejectionOf(machine({ issuer, tls: { ca: certificates.ca } }).getToken());

      expect(error.code).toBe(OidcAuthErrorCode.discoveryFailed);
      expect(error.message).toContain(`${issuer}`);
      expect(error.cause).toBeDefined();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('terminal prompt', () => {
  it('prints the URL and the device code to its output and reads the pasted code from its input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    const prompt = createTerminalPrompt({ input, output });

    await prompt.showAuthorizationUrl({
      url: 'https://dex.example.com/dex/auth?client_id=x',
      redirect: 'out-of-band',
    });
    const code = prompt.readAuthorizationCode();
    input.write('  pasted-code  \n');
    await prompt.showDeviceCode({
      userCode: 'WDJB-MJHT',
      verificationUri: 'https://dex.example.com/dex/device',
      verificationUriComplete: undefined,
      expiresInSeconds: 600,
    });

    expect(await code).toBe('pasted-code');
    expect(printed).toContain('https://dex.example.com/dex/auth?client_id=x');
    expect(printed).toContain('Paste the authorization code');
    expect(printed).toContain('enter the code WDJB-MJHT');
  });

  it('answers an empty code when the input ends, so the login is cancelled instead of hanging', async () => {
    const input = new PassThrough();
    const prompt = createTerminalPrompt({ input, output: new PassThrough() });

    const code = prompt.readAuthorizationCode();
    input.end();

    expect(await code).toBe('');
  });
});
