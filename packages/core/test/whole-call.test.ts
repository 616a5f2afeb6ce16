import {
  type Credential,
  CredentialCache,
  createCredentialAuth,
  isTransient,
  unwrap,
} from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A plugin whose every acquisition takes `delayMs`, like a slow token endpoint. */
function slowTokenPlugin(delayMs: number, values: string[] = ['token-1', 'token-2', 'token-3']) {
  let issued = 0;
  const cache = new CredentialCache<Credential>({
    acquire: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { value: values[issued++] ?? `token-${issued}` };
    },
  });
  return createCredentialAuth({
    name: 'slow-token',
    cache,
    apply: (request, credential) => void request.headers.set('authorization', `Bearer ${credential.value}`),
  });
}

const healthz = '/apis/v2beta1/healthz';

async function elapsed(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { ms: performance.now() - started, error };
}

describe('signal and timeoutMs bound the whole call', () => {
  it('an abort during a slow credential acquisition rejects at once, and nothing is sent', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, {}));
    const kfp = createKfpV2Client({ baseUrl: server.url, auth: slowTokenPlugin(4_000) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { ms, error } = await elapsed(kfp.GET(healthz, { signal: controller.signal }));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(ms).toBeLessThan(1_500);
    expect(server.requests).toHaveLength(0);
  });

  it('timeoutMs covers credential acquisition: REQUEST_TIMEOUT naming the plugin it waited for', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, {}));
    const kfp = createKfpV2Client({ baseUrl: server.url, timeoutMs: 300, auth: slowTokenPlugin(4_000) });
    const { ms, error } = await elapsed(kfp.GET(healthz));
    expect(error).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      message: expect.stringMatching(/waiting for credentials from slow-token within timeoutMs \(300 ms\)/),
    });
    expect(isTransient(error)).toBe(true);
    expect(ms).toBeLessThan(1_500);
  });

  it('a second request waiting on the first one’s acquisition is bounded by its own signal', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, {}));
    const kfp = createKfpV2Client({ baseUrl: server.url, auth: slowTokenPlugin(1_500) });
    const first = kfp.GET(healthz);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { ms, error } = await elapsed(kfp.GET(healthz, { signal: AbortSignal.timeout(100) }));
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(ms).toBeLessThan(1_000);
    // The shared acquisition went on for the first request.
    expect((await first).response.status).toBe(200);
  });

  it('timeoutMs covers the re-acquisition after a 401', async () => {
    server = await startHttpServer((request, response) =>
      request.headers.authorization === 'Bearer token-2'
        ? sendJson(response, 200, {})
        : sendJson(response, 401, { code: 16, message: 'expired' }),
    );
    let calls = 0;
    const cache = new CredentialCache<Credential>({
      acquire: async () => {
        calls += 1;
        if (calls > 1) await new Promise((resolve) => setTimeout(resolve, 4_000));
        return { value: `token-${calls}` };
      },
    });
    const auth = createCredentialAuth({
      name: 'refreshing',
      cache,
      apply: (request, credential) => void request.headers.set('authorization', `Bearer ${credential.value}`),
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, timeoutMs: 400, auth });
    const { ms, error } = await elapsed(kfp.GET(healthz));
    expect(error).toMatchObject({ code: 'REQUEST_TIMEOUT' });
    expect(ms).toBeLessThan(2_000);
  });

  it('a body that stalls after the headers is REQUEST_TIMEOUT, transient like a header stall', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"runs": [');
      // ... and the rest never comes.
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, timeoutMs: 300 });
    const { ms, error } = await elapsed(kfp.GET('/apis/v2beta1/runs'));
    expect(error).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      message: expect.stringMatching(
        /GET .*\/apis\/v2beta1\/runs got no complete response body within timeoutMs/,
      ),
    });
    expect(isTransient(error)).toBe(true);
    expect(ms).toBeLessThan(2_000);
  });

  it('a caller’s signal also stops a stalled body', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"runs": [');
    });
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const { error } = await elapsed(kfp.GET('/apis/v2beta1/runs', { signal: AbortSignal.timeout(200) }));
    expect(error).toMatchObject({ name: 'TimeoutError' });
  });

  it('a call that finishes in time is unaffected by timeoutMs', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, { multi_user: true }));
    const kfp = createKfpV2Client({ baseUrl: server.url, timeoutMs: 5_000, auth: slowTokenPlugin(50) });
    expect(unwrap(await kfp.GET(healthz))).toEqual({ multi_user: true });
  });
});
