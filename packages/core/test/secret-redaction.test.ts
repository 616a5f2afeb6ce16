import { inspect } from 'node:util';
import {
  ApiError,
  basicCredentialsOf,
  type Credential,
  CredentialCache,
  createCredentialAuth,
  redactSecrets,
  rememberSentSecret,
  staticCookieAuth,
  staticTokenAuth,
  unwrap,
} from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** An error page that echoes every header it received, as debug pages and some proxies do. */
async function echoingServer(status: number) {
  server = await startHttpServer((request, response) =>
    sendJson(response, status, {
      code: 16,
      message: `denied; you sent ${JSON.stringify(request.headers)}`,
      details: [{ '@type': 'debug', headers: request.headers, body: request.body.toString() }],
    }),
  );
  return server;
}

/** Everything a user could print of an error. */
function everythingPrintable(error: unknown): string {
  const apiError = error as ApiError;
  return [
    apiError.message,
    apiError.stack,
    inspect(error, { depth: 10 }),
    JSON.stringify(apiError.upstream),
    JSON.stringify(apiError.body),
    String(apiError.cause),
  ].join('\n');
}

async function apiErrorOf(call: Promise<{ response: Response; data?: unknown; error?: unknown }>) {
  try {
    unwrap(await call);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('credentials echoed by an error page', () => {
  it('a static bearer token is redacted from message, upstream, body, stack and inspect', async () => {
    const { url } = await echoingServer(500);
    const kfp = createKfpV2Client({ baseUrl: url, auth: staticTokenAuth('s3cret-static-token') });
    const error = await apiErrorOf(kfp.GET('/apis/v2beta1/healthz'));
    const printed = everythingPrintable(error);
    expect(printed).toContain('[REDACTED]');
    expect(printed).not.toContain('s3cret-static-token');
  });

  it('cookies of a cookie plugin are redacted, each value', async () => {
    const { url } = await echoingServer(403);
    const kfp = createKfpV2Client({
      baseUrl: url,
      auth: staticCookieAuth('authservice_session=c00kie-part-one; oauth2_proxy_1=c00kie-part-two'),
    });
    const printed = everythingPrintable(await apiErrorOf(kfp.GET('/apis/v2beta1/healthz')));
    expect(printed).not.toContain('c00kie-part-one');
    expect(printed).not.toContain('c00kie-part-two');
  });

  it('the credential of the replay after a 401 is redacted too', async () => {
    server = await startHttpServer((request, response) =>
      sendJson(response, 401, { message: `token ${request.headers.authorization} refused` }),
    );
    let issued = 0;
    const cache = new CredentialCache<Credential>({
      acquire: async () => ({ value: `fresh-token-${++issued}` }),
    });
    const auth = createCredentialAuth({
      name: 'rotating',
      cache,
      apply: (request, credential) => void request.headers.set('authorization', `Bearer ${credential.value}`),
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, auth });
    const printed = everythingPrintable(await apiErrorOf(kfp.GET('/apis/v2beta1/healthz')));
    expect(server.requests).toHaveLength(2);
    expect(printed).not.toMatch(/fresh-token-\d/);
  });

  it('a credential in another header is redacted once the plugin remembers it, percent-encoded forms included', async () => {
    server = await startHttpServer((request, response) =>
      sendJson(response, 400, {
        message: `bad key ${request.headers['x-api-key']} (as query: ${encodeURIComponent(String(request.headers['x-api-key']))})`,
      }),
    );
    const kfp = createKfpV2Client({
      baseUrl: server.url,
      auth: {
        name: 'api-key',
        onRequest(hook) {
          rememberSentSecret(hook, 'key with/space+plus');
          hook.request.headers.set('x-api-key', 'key with/space+plus');
          return undefined;
        },
      },
    });
    const printed = everythingPrintable(await apiErrorOf(kfp.GET('/apis/v2beta1/healthz')));
    expect(printed).not.toContain('key with/space+plus');
    expect(printed).not.toContain(encodeURIComponent('key with/space+plus'));
  });
});

describe('redaction helpers plugins use', () => {
  it('redactSecrets covers the percent and form encodings of a secret', () => {
    const secret = 'p@ss word&=1';
    const text = `raw ${secret} percent ${encodeURIComponent(secret)} form ${new URLSearchParams({ password: secret })}`;
    const redacted = redactSecrets(text, [secret]);
    expect(redacted).not.toContain(secret);
    expect(redacted).not.toContain(encodeURIComponent(secret));
    expect(redacted).not.toContain('p%40ss+word');
  });

  it('basicCredentialsOf gives the base64 id:secret a Basic header carries, both RFC 6749 forms', () => {
    const forms = basicCredentialsOf('my client', 's3cr:et');
    expect(forms).toContain(btoa('my client:s3cr:et'));
    expect(forms).toContain(btoa('my+client:s3cr%3Aet'));
    const echoed = `invalid client, Authorization: Basic ${btoa('my+client:s3cr%3Aet')}`;
    expect(redactSecrets(echoed, forms)).toBe('invalid client, Authorization: Basic [REDACTED]');
  });

  it('a Basic Authorization header sent by a plugin is redacted, decoded secret included', async () => {
    const { url } = await echoingServer(401);
    const basic = btoa('robot:b4sic-secret');
    const kfp = createKfpV2Client({
      baseUrl: url,
      auth: {
        name: 'basic',
        onRequest({ request }) {
          request.headers.set('authorization', `Basic ${basic}`);
          return undefined;
        },
      },
    });
    const printed = everythingPrintable(await apiErrorOf(kfp.GET('/apis/v2beta1/healthz')));
    expect(printed).not.toContain(basic);
  });
});

describe('redacting what was sent, in every form', () => {
  const secrets = [`p w/+&=~!*'()"<>\\%41é密`, 'tiny!~*()-_.x'];

  it('encodingsOf covers raw, percent (lax, strict, lower-case), form, JSON-escaped, base64 and base64url forms', async () => {
    const { encodingsOf } = await import('@ml-platform/core');
    for (const secret of secrets) {
      const forms = encodingsOf(secret);
      const strict = encodeURIComponent(secret).replace(
        /[!'()*~\-._]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      );
      for (const expected of [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
        strict.replaceAll('%20', '+'),
        strict.toLowerCase().replaceAll('%20', '+'),
        JSON.stringify(secret).slice(1, -1),
        Buffer.from(secret).toString('base64'),
        Buffer.from(secret).toString('base64url'),
      ]) {
        expect(forms, expected).toContain(expected);
      }
    }
  });

  it('secretsOfRequest returns the exact Authorization value and form parameter bytes a request carried', async () => {
    const { secretsOfRequest } = await import('@ml-platform/core');
    const wire = 'grant_type=password&username=alice&password=p%2Bw%2Ax&client_secret=c%7Es';
    const request = new Request('http://idp.example/token', {
      method: 'POST',
      headers: {
        authorization: 'Basic a2ZwK2NsaTpzJTJBY3I=',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: wire,
    });
    const found = await secretsOfRequest(request);
    expect(found).toEqual(
      expect.arrayContaining([
        'a2ZwK2NsaTpzJTJBY3I=',
        's%2Acr',
        's*cr',
        'p%2Bw%2Ax',
        'p+w*x',
        'c%7Es',
        'c~s',
      ]),
    );
    expect(found).not.toContain('alice');
    expect(await request.text()).toBe(wire); // the request itself is still unread
  });

  it('redactError cleans message, stack, own properties, inspect, JSON and every cause level in place', async () => {
    const { redactError } = await import('@ml-platform/core');
    const secret = secrets[0] as string;
    const inner = Object.assign(new Error(`echo ${JSON.stringify(secret)}`), {
      body: { detail: encodeURIComponent(secret) },
    });
    const middle = new AggregateError(
      [new Error(Buffer.from(secret).toString('base64url'))],
      `middle ${secret}`,
      { cause: inner },
    );
    const outer = Object.assign(
      new Error(`outer ${new URLSearchParams({ s: secret }).toString()}`, { cause: middle }),
      {
        description: `said ${secret}`,
      },
    );
    expect(redactError(outer, [secret])).toBe(outer);
    const printed = `${outer.stack}\n${inspect(outer, { depth: 20 })}\n${JSON.stringify(outer)}\n${JSON.stringify(inner)}`;
    for (const form of [
      secret,
      JSON.stringify(secret).slice(1, -1),
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64url'),
    ]) {
      expect(printed).not.toContain(form);
    }
    expect(printed).toContain('[REDACTED]');
  });
});
