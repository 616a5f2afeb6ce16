// undici 8 negotiates HTTP/2 through ALPN by default; undici 7 and Node's global fetch speak
// HTTP/1.1. Core keeps HTTP/1.1 on every transport, so a client with `tls` or `proxy` talks
// to a cluster's gateway the same way as one without (and as the gateways' docs assume).
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  createTestCertificates,
  startTinyproxy,
  type TestCertificates,
  type Tinyproxy,
} from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let certificates: TestCertificates;
let server: Http2SecureServer;
let baseUrl: string;
let proxy: Tinyproxy;
const versionsSeen: string[] = [];

beforeAll(async () => {
  certificates = createTestCertificates();
  // Offers h2 and http/1.1 through ALPN, as an Istio or nginx gateway does.
  server = createSecureServer(
    { key: certificates.key, cert: certificates.cert, allowHTTP1: true },
    (request, response) => {
      versionsSeen.push(request.httpVersion);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"multi_user":true}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy = await startTinyproxy();
});
afterAll(async () => {
  await proxy?.stop();
  await new Promise((resolve) => server.close(resolve));
});

describe('HTTP version', () => {
  it('speaks HTTP/1.1 to a server that also offers h2, with tls options', async () => {
    versionsSeen.length = 0;
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca } });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
    expect(versionsSeen).toEqual(['1.1']);
  });

  it('speaks HTTP/1.1 inside a CONNECT tunnel through a proxy', async () => {
    versionsSeen.length = 0;
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca }, proxy: proxy.url });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
    expect(versionsSeen).toEqual(['1.1']);
    expect(proxy.requestLines().some((line) => line.startsWith('CONNECT 127.0.0.1:'))).toBe(true);
  });
});
