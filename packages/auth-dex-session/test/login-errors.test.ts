/**
 * A login that cannot succeed ends in a DexLoginError with a stable code, the
 * step and the (redacted) URL where it stopped: never a silent empty cookie,
 * and never the username or password in a message, a stack or a log line.
 */
import { inspect } from 'node:util';
import { DexLoginError, DexSessionErrorCode, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { freePort, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';
import { leakedCredentials, PASSWORD, startCluster, type TestCluster, USERNAME } from './cluster.js';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The error the first API call fails with, after checking it leaks no credential anywhere. */
async function loginError(
  cluster: Pick<TestCluster, 'kfp' | 'log'>,
  secrets?: string[],
): Promise<DexLoginError> {
  const error = await cluster.kfp.GET('/apis/v2beta1/healthz').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DexLoginError);
  expect(leakedCredentials([error, inspect(error, { depth: 5 }), ...cluster.log], secrets)).toEqual([]);
  return error as DexLoginError;
}

describe('credentials Dex does not accept', () => {
  it('a wrong password (Dex >= 2.36 re-renders the form with 401) is AUTH_DEX_BAD_CREDENTIALS at the credentials step', async () => {
    const cluster = await startCluster({}, { password: 'not-the-password' });
    const error = await loginError(cluster, ['not-the-password', USERNAME]);
    expect(error).toMatchObject({
      code: DexSessionErrorCode.badCredentials,
      step: 'credentials',
      status: 401,
      plugin: '@ml-platform/auth-dex-session',
    });
    expect(error.url).toMatch(
      /^http:\/\/localhost:\d+\/dex\/auth\/local\/login\?back=\[REDACTED\]&state=\[REDACTED\]$/,
    );
    expect(error.message).toContain('connector "local" did not accept the username and password');
  });

  it('so is the form re-rendered with 200, as Dex before 2.36 did', async () => {
    const cluster = await startCluster({ invalidLoginStatus: 200 }, { password: 'not-the-password' });
    expect(await loginError(cluster, ['not-the-password', USERNAME])).toMatchObject({
      code: DexSessionErrorCode.badCredentials,
      status: 200,
    });
  });

  it('does not post the same password again for the cooldown: every call fails at once with the same error', async () => {
    const cluster = await startCluster({}, { password: 'not-the-password' });
    const first = await loginError(cluster, ['not-the-password', USERNAME]);
    expect(first.message).toMatch(
      /Not sending the same password again before \d{4}-\d\d-\d\dT[\d:.]+Z \(a 60 s cooldown, so retries cannot lock the account\)/,
    );
    for (let retry = 0; retry < 5; retry += 1) {
      expect(await loginError(cluster, ['not-the-password', USERNAME])).toBe(first);
    }
    const posts = cluster.emulator.exchanges.filter((exchange) => exchange.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(cluster.auth.logins).toBe(1);
  });

  it('tries the password again once passwordCooldownMs has passed, and never caches a success-less login', async () => {
    const cluster = await startCluster({}, { password: 'not-the-password', passwordCooldownMs: 200 });
    const first = await loginError(cluster, ['not-the-password', USERNAME]);
    expect(first.message).toContain('(a 1 s cooldown');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const second = await loginError(cluster, ['not-the-password', USERNAME]);
    expect(second).not.toBe(first);
    expect(second.code).toBe(DexSessionErrorCode.badCredentials);
    expect(cluster.emulator.exchanges.filter((exchange) => exchange.method === 'POST')).toHaveLength(2);
  });

  it('with passwordCooldownMs: 0, posts on every call', async () => {
    const cluster = await startCluster({}, { password: 'not-the-password', passwordCooldownMs: 0 });
    await loginError(cluster);
    await loginError(cluster);
    expect(cluster.emulator.exchanges.filter((exchange) => exchange.method === 'POST')).toHaveLength(2);
  });

  it('a locked account is AUTH_DEX_LOGIN_FAILED with what Dex said', async () => {
    const cluster = await startCluster({ users: [{ login: USERNAME, password: PASSWORD, locked: true }] });
    const error = await loginError(cluster);
    expect(error).toMatchObject({ code: DexSessionErrorCode.loginFailed, step: 'credentials', status: 500 });
    expect(error.message).toContain('"Internal Server Error Login error."');
    expect(error.message).toContain('locked or disabled account');
  });
});

describe('a connector Dex does not have', () => {
  it('on the chooser: AUTH_DEX_UNKNOWN_CONNECTOR naming the ones it offers, before any credential is sent', async () => {
    const cluster = await startCluster(
      { connectors: [{ id: 'local' }, { id: 'ldap' }] },
      { connector: 'github' },
    );
    const error = await loginError(cluster);
    expect(error).toMatchObject({
      code: DexSessionErrorCode.unknownConnector,
      step: 'dex-authorize',
      status: 200,
    });
    expect(error.message).toContain('Dex has no connector "github"; it offers "local", "ldap"');
    expect(cluster.emulator.exchanges.filter((exchange) => exchange.method === 'POST')).toEqual([]);
  });

  it('when Dex skips its chooser for its only connector: names that one', async () => {
    const cluster = await startCluster({}, { connector: 'ldap' });
    const error = await loginError(cluster);
    expect(error).toMatchObject({ code: DexSessionErrorCode.unknownConnector, step: 'login-form' });
    expect(error.message).toContain('Dex offers connector "local" only, not "ldap"');
    expect(cluster.emulator.exchanges.filter((exchange) => exchange.method === 'POST')).toEqual([]);
  });
});

describe('a flow that does not end in a session', () => {
  it('an endpoint that neither answers nor starts a login is AUTH_DEX_UNEXPECTED_RESPONSE', async () => {
    const cluster = await startCluster({ gateway: 'none' }, (emulator) => ({
      endpoint: `${emulator.gatewayOrigin}/elsewhere`,
    }));
    const error = await loginError(cluster);
    expect(error).toMatchObject({
      code: DexSessionErrorCode.unexpectedResponse,
      step: 'endpoint',
      status: 404,
    });
    expect(error.message).toContain('Check that endpoint is a URL the gateway serves');
  });

  it('a gateway that sends the browser back without a cookie the jar accepts is AUTH_DEX_NO_SESSION_COOKIE', async () => {
    // A gateway whose callback sets its cookie for another domain: the jar refuses it, the flow must say so.
    server = await startHttpServer((request, response) => {
      const path = request.url.split('?')[0];
      if (path === '/app') {
        response
          .writeHead(302, {
            location: '/dex/auth?client_id=c&redirect_uri=%2Foauth2%2Fcallback&response_type=code',
          })
          .end();
      } else if (path === '/dex/auth') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(
          '<form method="post" action="/dex/auth/local/login"><input name="login"><input name="password" type="password"></form>',
        );
      } else if (path === '/dex/auth/local/login') {
        response.writeHead(303, { location: '/oauth2/callback?code=c1' }).end();
      } else {
        response
          .writeHead(302, {
            location: '/app',
            'set-cookie': 'session=s1; Domain=gateway.example.com; Path=/',
          })
          .end();
      }
    });
    const log: string[] = [];
    const auth = dexSessionAuth({
      endpoint: `${server.url}/app`,
      username: USERNAME,
      password: PASSWORD,
      log: (line) => log.push(line),
    });
    const error = await loginError({ kfp: createKfpV2Client({ baseUrl: server.url, auth }), log });
    expect(error).toMatchObject({ code: DexSessionErrorCode.noSessionCookie, step: 'callback', status: 302 });
    expect(error.message).toContain('the cookie jar refused session (Cookie not in this host');
  });

  it('a redirect loop is AUTH_DEX_TOO_MANY_REDIRECTS after maxRedirects requests', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(302, { location: '/again' }).end();
    });
    const auth = dexSessionAuth({
      endpoint: server.url,
      username: USERNAME,
      password: PASSWORD,
      maxRedirects: 5,
    });
    const error = await loginError({ kfp: createKfpV2Client({ baseUrl: server.url, auth }), log: [] });
    expect(error).toMatchObject({ code: DexSessionErrorCode.tooManyRedirects, step: 'redirect' });
    expect(server.requests).toHaveLength(5);
  });

  it('an unreachable endpoint is AUTH_DEX_REQUEST_FAILED with the network error as cause', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}/pipeline`;
    const auth = dexSessionAuth({ endpoint, username: USERNAME, password: PASSWORD });
    const error = await loginError({ kfp: createKfpV2Client({ baseUrl: endpoint, auth }), log: [] });
    expect(error).toMatchObject({
      code: DexSessionErrorCode.requestFailed,
      step: 'endpoint',
      status: undefined,
    });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(Error);
  });
});
