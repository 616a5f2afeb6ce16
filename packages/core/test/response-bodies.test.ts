/**
 * Reading the body is part of the call: the bytes counted against
 * maxResponseBytes are the decoded ones (a gzip body inflates), and a
 * connection that breaks off mid-body is a coded NETWORK_ERROR, retried for
 * idempotent calls like a reset before the answer. Real node:http servers.
 */
import { gzipSync } from 'node:zlib';
import { MlPlatformError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** 64 MiB of JSON whitespace inside a list: about 64 KiB once gzipped. */
const inflating = gzipSync(
  Buffer.concat([Buffer.from('{"runs":['), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from(']}')]),
);

describe('maxResponseBytes counts decoded bytes', () => {
  it.each([200, 500])(
    'refuses a gzip body (status %i) whose Content-Length is small but inflates past the limit',
    async (status) => {
      server = await startHttpServer((_, response) => {
        response.writeHead(status, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': inflating.length,
        });
        response.end(inflating);
      });
      const kfp = createKfpV2Client({ baseUrl: server.url, maxResponseBytes: 1024 * 1024, retry: false });
      const error = await kfp.GET('/apis/v2beta1/runs').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MlPlatformError);
      expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
      expect(inflating.length).toBeLessThan(1024 * 1024);
    },
  );

  it('refuses a body from an injected fetch whose stated Content-Length is a lie', async () => {
    const kfp = createKfpV2Client({
      baseUrl: 'http://kfp.example',
      maxResponseBytes: 1_000,
      fetch: async () =>
        new Response(`{"runs":[${'{},'.repeat(1_000)}{}]}`, {
          headers: { 'content-type': 'application/json', 'content-length': '10' },
        }),
    });
    await expect(kfp.GET('/apis/v2beta1/runs')).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });
});

/** A server whose first `drops` answers send the headers and half a body, then close the connection. */
async function serverDroppingMidBody(drops: number): Promise<{ requests: () => number }> {
  let requests = 0;
  const body = JSON.stringify({ runs: [{ run_id: 'r1', display_name: 'x'.repeat(4_000) }] });
  server = await startHttpServer((_, response) => {
    requests += 1;
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    if (requests <= drops) {
      response.write(body.slice(0, 2_000), () => response.socket?.destroy());
      return;
    }
    response.end(body);
  });
  return { requests: () => requests };
}

describe('a connection that breaks off mid-body', () => {
  it('is retried for a GET, which then succeeds', async () => {
    const seen = await serverDroppingMidBody(2);
    const retries: unknown[] = [];
    const kfp = createKfpV2Client({
      baseUrl: (server as TestHttpServer).url,
      retry: { baseDelayMs: 1, onRetry: (event) => retries.push(event) },
    });
    const { data } = await kfp.GET('/apis/v2beta1/runs');
    expect(data?.runs?.[0]?.run_id).toBe('r1');
    expect(seen.requests()).toBe(3);
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatchObject({ attempt: 1, method: 'GET', error: { code: 'NETWORK_ERROR' } });
  });

  it('fails with NETWORK_ERROR naming the call, the original as cause, once the attempts are spent', async () => {
    const seen = await serverDroppingMidBody(10);
    const kfp = createKfpV2Client({
      baseUrl: (server as TestHttpServer).url,
      retry: { baseDelayMs: 1, maxAttempts: 2 },
    });
    const error = await kfp.GET('/apis/v2beta1/runs').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MlPlatformError);
    expect(error).toMatchObject({
      code: 'NETWORK_ERROR',
      message: expect.stringMatching(
        /^GET http:\/\/127\.0\.0\.1:\d+\/apis\/v2beta1\/runs failed while reading the response body/,
      ),
    });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(seen.requests()).toBe(2);
  });

  it('is retried too when the body has no Content-Length (counted as it streams)', async () => {
    let requests = 0;
    const body = JSON.stringify({ runs: [{ run_id: 'r1', display_name: 'x'.repeat(4_000) }] });
    server = await startHttpServer((_, response) => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      if (requests === 1) {
        response.write(body.slice(0, 2_000), () => response.socket?.destroy());
        return;
      }
      response.end(body);
    });
    const retries: unknown[] = [];
    const kfp = createKfpV2Client({
      baseUrl: server.url,
      retry: { baseDelayMs: 1, onRetry: (event) => retries.push(event) },
    });
    const { data } = await kfp.GET('/apis/v2beta1/runs');
    expect(data?.runs?.[0]?.run_id).toBe('r1');
    expect(retries).toEqual([
      expect.objectContaining({ attempt: 1, error: expect.objectContaining({ code: 'NETWORK_ERROR' }) }),
    ]);
  });

  it('is not retried for a POST (it may have run), but is still coded', async () => {
    const seen = await serverDroppingMidBody(10);
    const kfp = createKfpV2Client({ baseUrl: (server as TestHttpServer).url, retry: { baseDelayMs: 1 } });
    await expect(kfp.POST('/apis/v2beta1/runs', { body: { display_name: 'r' } })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
    expect(seen.requests()).toBe(1);
  });
});
