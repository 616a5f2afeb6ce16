import { MlPlatformError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('maxResponseBytes', () => {
  it('refuses a body whose Content-Length is over the limit, with RESPONSE_TOO_LARGE', async () => {
    const body = JSON.stringify({ runs: Array.from({ length: 200 }, (_, i) => ({ run_id: `run-${i}` })) });
    server = await startHttpServer((_, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, maxResponseBytes: 1_000 });
    await expect(kfp.GET('/apis/v2beta1/runs')).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      message: expect.stringMatching(
        /GET .*\/apis\/v2beta1\/runs answered with a body of \d+ bytes, more than maxResponseBytes \(1000 bytes\)/,
      ),
    });
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    let written = 0;
    server = await startHttpServer(async (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"runs":[');
      const chunk = `${JSON.stringify({ run_id: 'x'.repeat(1_000) })},`;
      // 20 MB if nobody stopped reading; the client must give up after about 64 KB.
      for (let i = 0; i < 20_000 && !response.destroyed; i += 1) {
        written += chunk.length;
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end('{}]}');
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, maxResponseBytes: 64 * 1024 });
    const error = await kfp.GET('/apis/v2beta1/runs').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MlPlatformError);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toBeLessThan(10_000_000);
  });

  it('lets a body under the limit through unchanged', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"runs":[{"run_id":"r1"}]}');
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, maxResponseBytes: 1_000 });
    const { data } = await kfp.GET('/apis/v2beta1/runs');
    expect(data).toEqual({ runs: [{ run_id: 'r1' }] });
  });
});

describe('a 2xx body that is not JSON', () => {
  it('rejects with RESPONSE_INVALID_JSON naming method and path, never quoting the body', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('session=Zm9vYmFyc2VjcmV0 not json at all');
    });
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const error = await kfp.GET('/apis/v2beta1/runs').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MlPlatformError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toMatchObject({
      code: 'RESPONSE_INVALID_JSON',
      message: expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/apis\/v2beta1\/runs answered HTTP 200/),
    });
    expect(String((error as Error).stack)).not.toContain('Zm9vYmFyc2VjcmV0');
    expect((error as Error).cause).toBeUndefined();
  });
});

describe('a 2xx answer the runtime bounds by its Content-Length', () => {
  async function answering(headers: Record<string, string | number>, body: string) {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', ...headers });
      response.end(body);
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, auth: [] });
    const seen: Response[] = [];
    // Registered after core's guard, so its onResponse sees the answer before the guard does.
    kfp.use({
      onResponse({ response }) {
        seen.push(response);
        return undefined;
      },
    });
    const result = await kfp.GET('/apis/v2beta1/runs');
    return { result, seenByMiddleware: seen[0] };
  }

  it('reaches the caller as the Response the fetch made: no copy, no counting stream', async () => {
    const body = JSON.stringify({ runs: [{ run_id: 'r1' }] });
    const { result, seenByMiddleware } = await answering({ 'content-length': Buffer.byteLength(body) }, body);
    expect(result.data?.runs?.[0]?.run_id).toBe('r1');
    expect(result.response).toBe(seenByMiddleware);
  });

  it('is still counted as it streams when it has no Content-Length', async () => {
    const body = JSON.stringify({ runs: [{ run_id: 'r1' }] });
    const { result, seenByMiddleware } = await answering({}, body);
    expect(result.data?.runs?.[0]?.run_id).toBe('r1');
    expect(result.response).not.toBe(seenByMiddleware);
  });
});
