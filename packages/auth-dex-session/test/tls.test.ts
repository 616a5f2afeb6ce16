/**
 * `tls` applies to the login flow as well as to the API: the emulator serves
 * gateway and Dex over HTTPS with a certificate from a throwaway CA.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { DexSessionErrorCode, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates, startHttpServer, type TestCertificates } from '@ml-platform/testbed';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startCluster, USERNAME } from './cluster.js';

let certificates: TestCertificates;
beforeAll(() => {
  certificates = createTestCertificates();
});

describe('tls', () => {
  it('verifies certificates in the login flow by default: an unknown CA stops it at the first request', async () => {
    const cluster = await startCluster({ tls: certificates });
    await expect(cluster.kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.requestFailed,
      step: 'endpoint',
      message: expect.stringMatching(/certificate|CERT/i),
    });
    expect(cluster.emulator.exchanges).toEqual([]);
  });

  it('trusts tls.ca for every request of the login flow, Dex included', async () => {
    const cluster = await startCluster({ tls: certificates }, { tls: { ca: certificates.ca } });
    expect(cluster.emulator.dexUrl).toMatch(/^https:\/\/localhost:/);
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).data).toEqual({
      multi_user: true,
      pipeline_store: 'database',
    });
    expect(cluster.emulator.exchanges.some((exchange) => exchange.server === 'dex')).toBe(true);
  });

  it('logs in with insecureSkipVerify (skip_tls_verify) when asked to', async () => {
    const cluster = await startCluster({ tls: certificates }, { tls: { insecureSkipVerify: true } });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
  });

  it('refuses to continue a login from https to plain http', async () => {
    const plain = await startHttpServer((_, response) => {
      response.writeHead(200).end();
    });
    const gateway: Server = createServer(
      { key: certificates.key, cert: certificates.cert },
      (_, response) => {
        const dex = `${plain.url}/dex/auth?client_id=c&redirect_uri=%2Foauth2%2Fcallback&response_type=code`;
        response.writeHead(302, { location: dex }).end();
      },
    );
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `https://127.0.0.1:${(gateway.address() as AddressInfo).port}/pipeline`;
      const auth = dexSessionAuth({
        endpoint,
        username: USERNAME,
        password: PASSWORD,
        tls: { ca: certificates.ca },
      });
      const kfp = createKfpV2Client({ baseUrl: endpoint, auth, tls: { ca: certificates.ca } });
      await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
        code: DexSessionErrorCode.redirectRefused,
        message: expect.stringContaining('from https to plain http'),
      });
      expect(plain.requests).toEqual([]);
    } finally {
      gateway.closeAllConnections();
      await new Promise((resolve) => gateway.close(resolve));
      await plain.stop();
    }
  });
});
