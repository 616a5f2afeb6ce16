/**
 * Credentials go to Dex only, session cookies to the endpoint's origin only,
 * redirects included: the emulator puts Dex on `localhost` and the gateway on
 * `127.0.0.1`, and a third server records anything that reaches it.
 */
import { DexSessionErrorCode, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import type { EmulatorExchange } from '@ml-platform/testbed/dex/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, startCluster, USERNAME } from './cluster.js';

let elsewhere: TestHttpServer;
let app: TestHttpServer | undefined;
beforeEach(async () => {
  elsewhere = await startHttpServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('hi');
  });
});
afterEach(async () => {
  await Promise.all([elsewhere.stop(), app?.stop()]);
  app = undefined;
});

/** Everything a request put on the wire, form-decoded too (a username's `@` travels as %40). */
const wire = (exchange: EmulatorExchange) => {
  const raw = `${exchange.path}\n${JSON.stringify(exchange.headers)}\n${exchange.body}`;
  return `${raw}\n${decodeURIComponent(raw.replaceAll('+', ' '))}`;
};

describe('during the login', () => {
  it('sends the credentials in one POST to Dex, and no cookie to Dex', async () => {
    const cluster = await startCluster({ approvalScreen: true });
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    const carrying = cluster.emulator.exchanges.filter((exchange) => wire(exchange).includes(PASSWORD));
    expect(
      carrying.map((exchange) => `${exchange.method} ${exchange.server} ${exchange.path.split('?')[0]}`),
    ).toEqual(['POST dex /dex/auth/local/login']);
    const named = cluster.emulator.exchanges.filter((exchange) => wire(exchange).includes(USERNAME));
    expect(named).toEqual(carrying);
    const toDex = cluster.emulator.exchanges.filter((exchange) => exchange.server === 'dex');
    expect(toDex.length).toBeGreaterThan(4);
    expect(toDex.map((exchange) => exchange.headers.cookie)).toEqual(toDex.map(() => undefined));
  });

  it("refuses to follow a callback connector to its identity provider's origin", async () => {
    const cluster = await startCluster(
      {
        connectors: [{ id: 'github', type: 'oauth', authorizeUrl: `${elsewhere.url}/login/oauth/authorize` }],
      },
      { connector: 'github' },
    );
    await expect(cluster.kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.redirectRefused,
      step: 'redirect',
      message: expect.stringContaining(
        `it led to ${elsewhere.url}, which is neither the endpoint's nor Dex's origin`,
      ),
    });
    expect(elsewhere.requests).toEqual([]);
  });

  it('refuses a login form that posts to another origin, before sending anything there', async () => {
    const cluster = await startCluster({ loginFormAction: `${elsewhere.url}/collect` });
    await expect(cluster.kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.redirectRefused,
      step: 'login-form',
      message: expect.stringContaining(
        `the login form posts to ${elsewhere.url}, not to the origin that served it`,
      ),
    });
    expect(elsewhere.requests).toEqual([]);
    expect(cluster.emulator.exchanges.filter((exchange) => exchange.method === 'POST')).toEqual([]);
  });

  it('with dexUrl pinned, refuses a gateway that redirects to another Dex', async () => {
    const cluster = await startCluster({}, { dexUrl: `${elsewhere.url}/dex` });
    await expect(cluster.kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.redirectRefused,
      step: 'dex-authorize',
    });
    expect(cluster.emulator.exchanges.filter((exchange) => exchange.server === 'dex')).toEqual([]);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('after the login', () => {
  it('refuses to sign a request to another origin than the endpoint', async () => {
    const cluster = await startCluster();
    const stray = createKfpV2Client({ baseUrl: elsewhere.url, auth: cluster.auth });
    await expect(stray.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.originMismatch,
      message: expect.stringContaining(
        `Refusing to send the session cookie for ${cluster.emulator.gatewayOrigin}`,
      ),
    });
    expect(elsewhere.requests).toEqual([]);
    expect(cluster.emulator.exchanges).toEqual([]);
  });

  it('does not follow an API redirect to another origin, so the cookie stays home', async () => {
    // An application that needs no login but sets a cookie, and whose API redirects elsewhere.
    app = await startHttpServer((request, response) => {
      if (request.url === '/app')
        response.writeHead(200, { 'set-cookie': 'app_session=s3cr3t-cookie; Path=/' }).end();
      else response.writeHead(302, { location: `${elsewhere.url}/download` }).end();
    });
    const auth = dexSessionAuth({ endpoint: `${app.url}/app`, username: USERNAME, password: PASSWORD });
    const kfp = createKfpV2Client({ baseUrl: app.url, auth });
    const { response } = await kfp.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(302);
    expect(app.requests.map((request) => request.headers.cookie)).toEqual([
      undefined,
      'app_session=s3cr3t-cookie',
    ]);
    expect(elsewhere.requests).toEqual([]);
  });
});
