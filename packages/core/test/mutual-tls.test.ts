import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { inspect } from 'node:util';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates, type TestCertificates } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let certificates: TestCertificates;
let server: Server;
let baseUrl: string;

// A server that, like kube-apiserver, requires a client certificate signed by its CA.
beforeAll(async () => {
  certificates = createTestCertificates({ clientSubject: '/CN=jane/O=ml-team' });
  server = createServer(
    {
      key: certificates.key,
      cert: certificates.cert,
      ca: certificates.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ multi_user: true, seen: peer.subject?.CN }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('mutual TLS (tls.cert / tls.key)', () => {
  it('presents the client certificate: the server sees its subject', async () => {
    const kfp = createKfpV2Client({
      baseUrl,
      tls: { ca: certificates.ca, cert: certificates.clientCert, key: certificates.clientKey },
    });
    const { data } = await kfp.GET('/apis/v2beta1/healthz');
    expect(data).toEqual({ multi_user: true, seen: 'jane' });
  });

  it('takes PEM bytes as well as text (Uint8Array, what readFileSync returns)', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const kfp = createKfpV2Client({
      baseUrl,
      tls: {
        ca: [bytes(certificates.ca)],
        cert: bytes(certificates.clientCert),
        key: bytes(certificates.clientKey),
      },
    });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toMatchObject({ seen: 'jane' });
  });

  it('is refused by the server without a client certificate', async () => {
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca }, retry: false });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'TLS_ERROR',
      message: expect.stringMatching(
        /CERTIFICATE_REQUIRED.*the server requires a client certificate: pass tls.cert and tls.key/,
      ),
    });
  });

  it('is refused by the server with a certificate from another CA', async () => {
    const stranger = createTestCertificates();
    const kfp = createKfpV2Client({
      baseUrl,
      tls: { ca: certificates.ca, cert: stranger.clientCert, key: stranger.clientKey },
      retry: false,
    });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('refuses a certificate without its key, and the reverse, when the client is created', () => {
    expect(() => createKfpV2Client({ baseUrl, tls: { cert: certificates.clientCert } })).toThrow(
      /tls.cert and tls.key go together.*tls.cert was given without the other/,
    );
    expect(() => createKfpV2Client({ baseUrl, tls: { key: certificates.clientKey } })).toThrow(
      /tls.key was given without the other/,
    );
  });

  it('refuses a path or base64 where PEM belongs, naming the option and never echoing the value', () => {
    const base64Key = btoa(certificates.clientKey);
    let thrown: unknown;
    try {
      createKfpV2Client({ baseUrl, tls: { cert: certificates.clientCert, key: base64Key } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringMatching(/tls.key is not PEM/),
    });
    expect(inspect(thrown)).not.toContain(base64Key.slice(0, 40));
    expect(() =>
      createKfpV2Client({
        baseUrl,
        tls: { cert: '/home/jane/.kube/client.crt', key: certificates.clientKey },
      }),
    ).toThrow(/tls.cert is not PEM.*contents \(not its path\)/);
    expect(() =>
      createKfpV2Client({ baseUrl, tls: { cert: 42 as never, key: certificates.clientKey } }),
    ).toThrow(/tls.cert must be PEM text or its bytes/);
    expect(() => createKfpV2Client({ baseUrl, tls: { certFile: 'x' } as never })).toThrow(
      /tls.certFile is not a TLS option/,
    );
  });
});
