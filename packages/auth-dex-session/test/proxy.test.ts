import { DexLoginError, DexSessionErrorCode } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { freePort, startTinyproxy, type Tinyproxy } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster } from './cluster.js';

let proxy: Tinyproxy;
beforeAll(async () => {
  proxy = await startTinyproxy();
});
afterAll(async () => {
  await proxy?.stop();
});

describe('proxy option (a real tinyproxy)', () => {
  it('logs in through the proxy', async () => {
    const { emulator, auth, log } = await startCluster({}, { proxy: proxy.url });
    const kfp = createKfpV2Client({ baseUrl: emulator.endpoint, auth, proxy: proxy.url });
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(log.some((line) => line.includes('POST'))).toBe(true);
    expect(proxy.requestLines()).toContain(`CONNECT ${new URL(emulator.endpoint).host} HTTP/1.1`);
    expect(auth.logins).toBe(1);
  });

  it('stops at the first hop when the proxy is down, never going around it', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const { emulator, auth, log } = await startCluster({}, { proxy: down });
    const kfp = createKfpV2Client({ baseUrl: emulator.endpoint, auth, proxy: false });
    const error = await kfp.GET('/apis/v2beta1/healthz').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DexLoginError);
    expect(error).toMatchObject({
      code: DexSessionErrorCode.requestFailed,
      step: 'endpoint',
      cause: { code: 'PROXY_ERROR' },
    });
    expect(log).toHaveLength(1);
  });
});
