import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates, type TestCertificates } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let certificates: TestCertificates;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  certificates = createTestCertificates();
  server = createServer({ key: certificates.key, cert: certificates.cert }, (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"multi_user":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('tls', () => {
  it('verifies certificates by default: an unknown CA is refused', async () => {
    const kfp = createKfpV2Client({ baseUrl });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'TLS_ERROR',
      cause: { cause: { code: expect.stringMatching(/CERT|SIGNATURE|ISSUER/) } },
    });
  });

  it('trusts the CA given as tls.ca (the in-cluster ca.crt)', async () => {
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: certificates.ca } });
    const { data } = await kfp.GET('/apis/v2beta1/healthz');
    expect(data).toEqual({ multi_user: true });
  });

  it('still refuses another CA when tls.ca is given', async () => {
    const other = createTestCertificates();
    const kfp = createKfpV2Client({ baseUrl, tls: { ca: other.ca } });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'TLS_ERROR',
      cause: { cause: { code: expect.stringMatching(/CERT|SIGNATURE|ISSUER/) } },
    });
  });

  it('skips verification only when insecureSkipVerify is explicitly true', async () => {
    const kfp = createKfpV2Client({ baseUrl, tls: { insecureSkipVerify: true } });
    expect((await kfp.GET('/apis/v2beta1/healthz')).data).toEqual({ multi_user: true });
    expect(() => createKfpV2Client({ baseUrl, tls: { insecureSkipVerify: 'yes' as never } })).toThrow(
      /insecureSkipVerify must be true or false/,
    );
  });
});
