import { inspect } from 'node:util';
import { OidcAuthErrorCode, oidcAuth } from '@ml-platform/auth-oidc';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
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

beforeAll(async () => {
  provider = await startOidcProvider();
  pipelines = await startProtectedResource(provider, { accept: 'access_token' });
});

afterAll(async () => {
  await stalling?.stop();
  await pipelines?.stop();
  await provider?.stop();
});

function machineOptions() {
  const { clientId, clientSecret } = provider.clients.clientCredentials;
  return {
    issuer: provider.issuer,
    flow: 'client_credentials' as const,
    clientId,
    clientSecret,
    tokenType: 'access_token' as const,
  };
}

/**
 * A fetch to the provider whose token endpoint answers its headers, then never
 * sends the rest of the body: a real server, so the body honours the request's signal.
 */
function stallingTokenBody(): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return fetch(request);
    stalling ??= await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"access_token":');
    });
    return fetch(stalling.url, { method: 'POST', body: await request.text(), signal: request.signal });
  };
}
let stalling: TestHttpServer | undefined;

/** A fetch to the provider whose token endpoint never answers at all (until the request is aborted). */
function silentTokenEndpoint(): (request: Request) => Promise<Response> {
  return (request) => {
    if (request.method !== 'POST') return fetch(request);
    return new Promise((_, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
}

describe('options are checked with one core helper', () => {
  it('an unknown option says which one was meant', () => {
    const create = () => oidcAuth({ ...machineOptions(), clientSecrt: 'x' } as never);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(
      /^\[@ml-platform\/auth-oidc\] unknown option clientSecrt \(did you mean clientSecret\?\)/,
    );
  });

  it('a string where the options belong says so', () => {
    expect(() => oidcAuth('https://kubeflow.example.com/dex' as never)).toThrow(
      /\[@ml-platform\/auth-oidc\] options must be an object such as \{ issuer: .*got a string/,
    );
  });

  it('an issuer with user info is refused as https://***@host', () => {
    const create = () =>
      oidcAuth({ ...machineOptions(), issuer: 'https://robot:hunter22@idp.example.com/dex' });
    expect(create).toThrow(/issuer must not contain user info, got https:\/\/\*\*\*@idp\.example\.com\/dex/);
    try {
      create();
    } catch (error) {
      expect(inspect(error)).not.toContain('hunter22');
    }
  });

  it('timeoutMs above what timers can wait is refused', () => {
    expect(() => oidcAuth({ ...machineOptions(), timeoutMs: 2 ** 31 })).toThrow(
      /timeoutMs must be .* up to 2147483647/,
    );
  });
});

describe('a token endpoint that times out', () => {
  it.each([
    ['never answers', silentTokenEndpoint],
    ['stalls in the body', stallingTokenBody],
  ])('is reported as unreachable, not as an invalid response (%s)', async (_, makeFetch) => {
    const auth = oidcAuth({ ...machineOptions(), timeoutMs: 300, fetch: makeFetch() });
    const error = await rejectionOf(auth.getToken());
    expect(error).toMatchObject({ code: OidcAuthErrorCode.providerUnreachable });
    expect((error as Error).message).not.toMatch(/clocks/);
    expect((error as Error).message).toMatch(
      /client_credentials grant at .* timed out: no complete answer within timeoutMs/,
    );
  });
});

describe('diagnostics', () => {
  it('counts acquisitions and shows the expiry, never the token', async () => {
    const auth = oidcAuth(machineOptions());
    expect(auth.diagnostics()).toEqual({ acquisitions: 0, hasCredential: false, expiresAt: undefined });
    const kfp = createKfpV2Client({ baseUrl: pipelines.kfpBaseUrl, auth });
    await kfp.GET('/apis/v2beta1/healthz');
    const diagnostics = auth.diagnostics();
    expect(diagnostics).toMatchObject({ acquisitions: 1, hasCredential: true });
    expect(diagnostics.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    const token = await auth.getToken();
    expect(JSON.stringify(diagnostics)).not.toContain(token);
  });
});

/** A token endpoint that echoes what it received (the Basic header and the form body) in its error_description. */
function echoingTokenEndpoint(): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return fetch(request);
    const received = `authorization=${request.headers.get('authorization')} body=${await request.text()}`;
    return Response.json(
      { error: 'invalid_client', error_description: `rejected: ${received}` },
      { status: 400 },
    );
  };
}

describe('a provider that echoes the credentials it received', () => {
  it('gets neither the Basic id:secret nor the form-encoded password into the error', async () => {
    const password = 'p@ss word+1&x';
    const clientSecret = 'cl!ent secret/2';
    const auth = oidcAuth({
      issuer: provider.issuer,
      flow: 'password',
      clientId: 'kfp cli',
      clientSecret,
      username: 'alice',
      password,
      tokenType: 'access_token',
      fetch: echoingTokenEndpoint(),
    });
    const error = await rejectionOf(auth.getToken());
    expect(error.message).toMatch(/rejected: authorization=Basic \[REDACTED\] body=.*password=\[REDACTED\]/);
    const printed = `${error.message}\n${error.stack}\n${inspect(error, { depth: 8 })}`;
    for (const form of [
      password,
      encodeURIComponent(password),
      new URLSearchParams({ password }).toString(),
    ]) {
      expect(printed).not.toContain(form);
    }
    expect(printed).not.toContain(
      btoa(`kfp+cli:${new URLSearchParams({ s: clientSecret }).toString().slice(2)}`),
    );
  });
});

describe('secrets that no encoding guess covers', () => {
  const password = `p w/+&=~!*'()"<>%41é密`;
  const clientSecret = `s cr/+&=~!*'()"<>%zü-_.`;

  /** Echoes the Authorization header and the body as received, plus the password JSON-escaped, in every place an error keeps. */
  function echoEverything(): (request: Request) => Promise<Response> {
    return async (request) => {
      if (request.method !== 'POST') return fetch(request);
      const body = await request.text();
      const form = new URLSearchParams(body);
      const received = `authorization=${request.headers.get('authorization')} body=${body} json=${JSON.stringify(form.get('password'))} ascii=${JSON.stringify(form.get('password')).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
      return new Response(
        JSON.stringify({
          error: 'invalid_client',
          error_description: `rejected: ${received}`,
          echoed: received,
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      );
    };
  }

  it.each(['client_secret_basic', 'client_secret_post'] as const)(
    'redacts the bytes that were sent (%s) from message, stack, inspect, JSON and every cause',
    async (clientAuthMethod) => {
      const auth = oidcAuth({
        issuer: provider.issuer,
        flow: 'password',
        clientId: 'kfp cli',
        clientSecret,
        clientAuthMethod,
        username: 'alice',
        password,
        tokenType: 'access_token',
        fetch: echoEverything(),
      });
      const error = await rejectionOf(auth.getToken());
      expect(error.message).toContain('rejected: authorization=');
      const levels: unknown[] = [];
      for (
        let level: unknown = error;
        level !== undefined && levels.length < 10;
        level = (level as Error).cause
      )
        levels.push(level);
      const printed = [
        ...levels.flatMap((level) => [String((level as Error).message), String((level as Error).stack)]),
        inspect(error, { depth: 20 }),
        JSON.stringify(error),
        JSON.stringify(levels.map((level) => ({ ...(level as object) }))),
      ].join('\n');
      for (const secret of [password, clientSecret]) {
        for (const form of [
          secret,
          encodeURIComponent(secret),
          new URLSearchParams({ s: secret }).toString().slice(2),
          JSON.stringify(secret).slice(1, -1),
          Buffer.from(secret).toString('base64'),
          Buffer.from(secret).toString('base64url'),
        ]) {
          expect(printed).not.toContain(form);
        }
      }
      // Whatever Basic blob openid-client built, its bytes are gone: no base64 run as long as one is left.
      const blob = /Basic ([A-Za-z0-9+/=]{16,})/.exec(printed);
      expect(blob).toBeNull();
    },
  );
});
