import { createServer, type Server } from 'node:https';
import { inspect } from 'node:util';
import { ConfigError, MlPlatformError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  createTestCertificates,
  freePort,
  sendJson,
  startHttpServer,
  startTinyproxy,
  type TestCertificates,
  type TestHttpServer,
  type Tinyproxy,
} from '@ml-platform/testbed';
import { closeServer, listenOnLoopback } from '@ml-platform/testbed/http-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const USER = 'alice';
const PASSWORD = 'pr0xy-pa55word';
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

let certificates: TestCertificates;
let httpsTarget: Server;
let httpsUrl: string;
let httpsRequests = 0;
let httpTarget: TestHttpServer;
let openProxy: Tinyproxy;
let guardedProxy: Tinyproxy;

beforeAll(async () => {
  certificates = createTestCertificates();
  httpsTarget = createServer({ key: certificates.key, cert: certificates.cert }, (_, response) => {
    httpsRequests += 1;
    sendJson(response, 200, { multi_user: true });
  });
  httpsUrl = (await listenOnLoopback(httpsTarget)).replace('http:', 'https:');
  httpTarget = await startHttpServer((_, response) => sendJson(response, 200, { multi_user: false }));
  // One after the other, so afterAll stops whichever started even if the other failed.
  openProxy = await startTinyproxy();
  guardedProxy = await startTinyproxy({ basicAuth: { user: USER, password: PASSWORD } });
});
afterAll(async () => {
  await Promise.all([openProxy?.stop(), guardedProxy?.stop(), httpTarget?.stop(), closeServer(httpsTarget)]);
});

const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const portOf = (url: string) => new URL(url).port;
const tunnelsTo = (proxy: Tinyproxy, url: string) =>
  proxy.requestLines().filter((line) => line === `CONNECT 127.0.0.1:${portOf(url)} HTTP/1.1`).length;

function withCredentials(proxy: Tinyproxy, password: string): string {
  const url = new URL(proxy.url);
  url.username = USER;
  url.password = password;
  return url.href;
}

async function failureOf(promise: Promise<unknown>): Promise<MlPlatformError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(MlPlatformError);
  return error as MlPlatformError;
}

describe('proxy option (a real tinyproxy)', () => {
  it('tunnels HTTPS through CONNECT, with tls still verified end to end', async () => {
    const before = tunnelsTo(openProxy, httpsUrl);
    const kfp = createKfpV2Client({ baseUrl: httpsUrl, proxy: openProxy.url, tls: { ca: certificates.ca } });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
    expect(tunnelsTo(openProxy, httpsUrl)).toBe(before + 1);
  });

  it('sends plain HTTP through the proxy too', async () => {
    const before = tunnelsTo(openProxy, httpTarget.url);
    const kfp = createKfpV2Client({ baseUrl: httpTarget.url, proxy: openProxy.url });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: false });
    expect(tunnelsTo(openProxy, httpTarget.url)).toBe(before + 1);
  });

  it('authenticates to the proxy with the credentials in its URL', async () => {
    const kfp = createKfpV2Client({
      baseUrl: httpsUrl,
      proxy: withCredentials(guardedProxy, PASSWORD),
      tls: { ca: certificates.ca },
    });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
  });

  it('a refused proxy login is PROXY_ERROR that shows no credential, in any encoding', async () => {
    const wrong = 'wr0ng-pa55word';
    const kfp = createKfpV2Client({
      baseUrl: httpsUrl,
      proxy: withCredentials(guardedProxy, wrong),
      tls: { ca: certificates.ca },
    });
    const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error.code).toBe('PROXY_ERROR');
    // tinyproxy answers a bad login with 401 (most proxies with 407).
    expect(error.message).toMatch(
      new RegExp(`the proxy ${guardedProxy.url}/ answered 40[17] to CONNECT .*put them in the proxy URL`),
    );
    const everything = `${error.message} ${error.stack} ${inspect(error, { depth: 10 })}`;
    for (const secret of [wrong, btoa(`${USER}:${wrong}`), encodeURIComponent(wrong)]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('a proxy that is down is PROXY_ERROR, never a silent direct connection', async () => {
    const before = httpsRequests;
    const downProxy = `http://${USER}:${PASSWORD}@127.0.0.1:${await freePort()}`;
    const kfp = createKfpV2Client({ baseUrl: httpsUrl, proxy: downProxy, tls: { ca: certificates.ca } });
    const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error.code).toBe('PROXY_ERROR');
    expect(error.message).toMatch(/could not reach the proxy http:\/\/127.0.0.1:\d+\/ \(ECONNREFUSED\)/);
    expect(inspect(error, { depth: 10 })).not.toContain(PASSWORD);
    expect(httpsRequests).toBe(before);
  });

  it('refuses a proxy it cannot use when the client is created, without echoing credentials', () => {
    const create =
      (proxy: unknown, extra: object = {}) =>
      () =>
        createKfpV2Client({ baseUrl: httpTarget.url, proxy: proxy as never, ...extra });
    expect(create(`socks5://${USER}:${PASSWORD}@127.0.0.1:1080`)).toThrow(
      /proxy socks5:\/\/127.0.0.1:1080 uses socks5; expected an http:\/\/ or https:\/\/ proxy URL/,
    );
    expect(create(`${USER}:${PASSWORD}@proxy`)).toThrow(ConfigError);
    expect(create(`http://${USER}:${PASSWORD}@proxy:3128/path`)).toThrow(/no path or query/);
    expect(create(3128)).toThrow(/proxy must be a proxy URL or false, got number/);
    expect(create(openProxy.url, { fetch: globalThis.fetch })).toThrow(/proxy cannot be combined with fetch/);
    for (const bad of [`${USER}:${PASSWORD}@proxy`, `socks5://${USER}:${PASSWORD}@h:1`]) {
      const error = (() => {
        try {
          create(bad)();
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(inspect(error)).not.toContain(PASSWORD);
    }
  });
});

describe('HTTPS_PROXY / HTTP_PROXY / NO_PROXY when no proxy option is given', () => {
  it('uses HTTPS_PROXY for https:// and HTTP_PROXY for http://', async () => {
    process.env.HTTPS_PROXY = openProxy.url;
    process.env.HTTP_PROXY = openProxy.url;
    const [https, http] = [tunnelsTo(openProxy, httpsUrl), tunnelsTo(openProxy, httpTarget.url)];
    await createKfpV2Client({ baseUrl: httpsUrl, tls: { ca: certificates.ca } }).GET('/apis/v2beta1/healthz');
    await createKfpV2Client({ baseUrl: httpTarget.url }).GET('/apis/v2beta1/healthz');
    expect(tunnelsTo(openProxy, httpsUrl)).toBe(https + 1);
    expect(tunnelsTo(openProxy, httpTarget.url)).toBe(http + 1);
  });

  it('reads the lower-case names too, which win over upper case as in curl', async () => {
    process.env.https_proxy = withCredentials(guardedProxy, PASSWORD);
    process.env.HTTPS_PROXY = `http://127.0.0.1:${await freePort()}`;
    const kfp = createKfpV2Client({ baseUrl: httpsUrl, tls: { ca: certificates.ca } });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
  });

  it('connects directly to hosts in NO_PROXY', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${await freePort()}`;
    process.env.NO_PROXY = 'example.com, 127.0.0.1';
    const kfp = createKfpV2Client({ baseUrl: httpTarget.url });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: false });
  });

  it('fails when the proxy from the environment is down, rather than going around it', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${await freePort()}`;
    const before = httpTarget.requests.length;
    const error = await failureOf(
      createKfpV2Client({ baseUrl: httpTarget.url }).GET('/apis/v2beta1/healthz'),
    );
    expect(error.code).toBe('PROXY_ERROR');
    expect(error.message).toMatch(/HTTPS_PROXY\/HTTP_PROXY/);
    expect(httpTarget.requests.length).toBe(before);
  });

  it('ignores the environment with proxy: false', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${await freePort()}`;
    const kfp = createKfpV2Client({ baseUrl: httpTarget.url, proxy: false });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: false });
  });
});
