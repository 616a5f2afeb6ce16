import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates, type TestCertificates } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The test certificate names 127.0.0.1 and localhost; the server is reached at 127.0.0.2, an address it does not name,
// as a cluster reached through a tunnel or by IP is (a kubeconfig's tls-server-name).
let certificates: TestCertificates;
let server: Server;
let baseUrl: string;
const sniSeen: Array<string | false | null> = [];

beforeAll(async () => {
  certificates = createTestCertificates();
  server = createServer({ key: certificates.key, cert: certificates.cert }, (request, response) => {
    sniSeen.push((request.socket as TLSSocket).servername);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"multi_user":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  baseUrl = `https://127.0.0.2:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('tls.serverName', () => {
  it('refuses a certificate that does not name the address when no serverName is given', async () => {
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca } });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'TLS_ERROR',
      cause: { cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } },
    });
  });

  it('sends serverName as SNI and verifies the certificate against it', async () => {
    sniSeen.length = 0;
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca, serverName: 'localhost' } });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
    expect(sniSeen).toEqual(['localhost']);
  });

  it('still refuses a certificate that does not name serverName', async () => {
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca, serverName: 'kube.example.com' } });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'TLS_ERROR',
      cause: { cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } },
    });
  });

  it('refuses a serverName that is no DNS name when the client is made', () => {
    for (const bad of ['', '10.0.0.1', 'host:443', 'a b', 42]) {
      expect(() => createKfpV2Client({ baseUrl, tls: { serverName: bad as string } })).toThrow(
        /tls\.serverName must be a DNS name/,
      );
    }
  });
});
