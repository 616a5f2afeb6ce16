import {
  ConfigError,
  type Credential,
  CredentialCache,
  createCredentialAuth,
  staticCookieAuth,
  staticTokenAuth,
} from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const base = 'http://127.0.0.1:1';

/** The ConfigError `create` throws, so its message can be checked for what it must and must not say. */
function configErrorOf(create: () => unknown): ConfigError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID_OPTION' });
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('baseUrl with user info', () => {
  it('is refused at creation, showing the URL as http://***@host and never the password', () => {
    const error = configErrorOf(() =>
      createKfpV2Client({ baseUrl: 'http://admin:s3cr3t-pass@kfp.example.com/pipeline' }),
    );
    expect(error.message).toContain('http://***@kfp.example.com/pipeline');
    expect(error.message).not.toContain('s3cr3t-pass');
    expect(error.message).not.toContain('admin');
    expect(String(error.stack)).not.toContain('s3cr3t-pass');
  });
});

describe('unknown options', () => {
  it('are refused with the option that was probably meant', () => {
    const error = configErrorOf(() => createKfpV2Client({ baseURL: base } as never));
    expect(error.message).toMatch(/unknown option baseURL \(did you mean baseUrl\?\)/);
  });

  it('name the option meant for swapped letters and for another case', () => {
    expect(configErrorOf(() => createKfpV2Client({ baseUrl: base, auht: [] } as never)).message).toMatch(
      /unknown option auht \(did you mean auth\?\)/,
    );
    expect(
      configErrorOf(() => createKfpV2Client({ baseUrl: base, maxResponseByets: 1 } as never)).message,
    ).toMatch(/maxResponseByets \(did you mean maxResponseBytes\?\)/);
    expect(
      configErrorOf(() => createKfpV2Client({ baseUrl: base, nameSpace: 'a' } as never)).message,
    ).toMatch(/nameSpace \(did you mean namespace\?\)/);
  });

  it('are refused on every API client, not only KFP', () => {
    expect(() => createSeldonDeployClient({ baseUrl: base, timeoutMS: 5 } as never)).toThrow(
      /timeoutMS \(did you mean timeoutMs\?\)/,
    );
  });

  it('a string where the options object belongs says so without echoing it', () => {
    const error = configErrorOf(() => createKfpV2Client('http://kfp.example.com/pipeline' as never));
    expect(error.message).toMatch(/options must be an object such as \{ baseUrl: .*got a string/);
    expect(error.message).not.toContain('kfp.example.com');
  });
});

describe('options validated at creation', () => {
  it.each([
    ['tls', { tls: 'insecure' }, /tls must be an object/],
    [
      'tls.ca',
      { tls: { ca: 42 } },
      /tls\.ca must be PEM text or its bytes \(string or Uint8Array\), got number/,
    ],
    ['fetch', { fetch: 'node-fetch' }, /fetch must be a function/],
    ['middleware', { middleware: { onRequest() {} } }, /middleware must be an array/],
    ['headers', { headers: 'x-a: b' }, /headers must be an object/],
    ['timeoutMs too large', { timeoutMs: 2 ** 31 }, /timeoutMs must be .* up to 2147483647/],
    ['timeoutMs not a number', { timeoutMs: '300' }, /timeoutMs must be a positive number/],
    ['userAgent', { userAgent: 42 }, /userAgent must be a non-empty string/],
    ['maxResponseBytes', { maxResponseBytes: -1 }, /maxResponseBytes must be a positive integer/],
  ])('%s', (_, options, message) => {
    expect(() => createKfpV2Client({ baseUrl: base, ...(options as object) })).toThrow(message);
  });

  it('accepts the largest timeout timers can wait', () => {
    expect(() => createKfpV2Client({ baseUrl: base, timeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });

  it('refuses a header value with CR/LF without echoing the value', () => {
    const error = configErrorOf(() =>
      createKfpV2Client({ baseUrl: base, headers: { 'x-api-key': 'k3y-value\r\nX-Injected: 1' } }),
    );
    expect(error.message).toMatch(/header x-api-key must not contain line breaks/);
    expect(error.message).not.toContain('k3y-value');
  });

  it('refuses a static token with CR/LF without echoing the token', () => {
    const error = configErrorOf(() => staticTokenAuth('t0ken-value\nX-Injected: 1'));
    expect(error.message).not.toContain('t0ken-value');
    const cookie = configErrorOf(() => staticCookieAuth('session=c00kie\r\n'));
    expect(cookie.message).not.toContain('c00kie');
  });
});

describe('staticTokenAuth', () => {
  it('does not send "Bearer Bearer" when given a whole header value', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, {}));
    const kfp = createKfpV2Client({ baseUrl: server.url, auth: staticTokenAuth('Bearer abc-token') });
    await kfp.GET('/apis/v2beta1/healthz');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer abc-token');
  });

  it('takes the scheme in any case', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, {}));
    const kfp = createKfpV2Client({ baseUrl: server.url, auth: staticTokenAuth('bearer   abc-token') });
    await kfp.GET('/apis/v2beta1/healthz');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer abc-token');
  });
});

describe('a credential that cannot be a header value', () => {
  it.each([
    ['CR/LF', 'leaky-token\r\nX-Injected: 1'],
    ['NUL', 'leaky-token\0'],
    ['beyond Latin-1', 'leaky-token\u0100'],
  ])('(%s) is refused with AUTH_CREDENTIAL_UNSENDABLE, never quoted', async (_, value) => {
    const cache = new CredentialCache<Credential>({ acquire: async () => ({ value }) });
    const auth = createCredentialAuth({
      name: 'odd-source',
      cache,
      apply: (request, credential) => void request.headers.set('authorization', `Bearer ${credential.value}`),
    });
    const error = await createKfpV2Client({ baseUrl: base, auth })
      .GET('/apis/v2beta1/healthz')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'AUTH_CREDENTIAL_UNSENDABLE', plugin: 'odd-source' });
    expect(`${(error as Error).message}\n${(error as Error).stack}`).not.toContain('leaky-token');
  });
});
