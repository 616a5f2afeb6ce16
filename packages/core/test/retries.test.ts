import type { ServerResponse } from 'node:http';
import { ConfigError, type RetryEvent, staticTokenAuth, unwrap } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

type Answer = (response: ServerResponse) => void;
const status =
  (code: number, headers: Record<string, string> = {}): Answer =>
  (response) =>
    response.writeHead(code, { 'content-type': 'application/json', ...headers }).end('{"message":"busy"}');
const healthy: Answer = (response) => sendJson(response, 200, { multi_user: false });
const reset: Answer = (response) => response.socket?.resetAndDestroy();

/** A real server that gives the answers in order, then repeats the last. */
async function serverAnswering(...answers: Answer[]): Promise<TestHttpServer> {
  let index = 0;
  server = await startHttpServer((_, response) => {
    const answer = answers[Math.min(index, answers.length - 1)] as Answer;
    index += 1;
    answer(response);
  });
  return server;
}

/** A client whose jitter is fixed, with every retry recorded. */
function clientFor(target: TestHttpServer, retry: Record<string, unknown> = {}, extra: object = {}) {
  const events: RetryEvent[] = [];
  const kfp = createKfpV2Client({
    baseUrl: target.url,
    retry: { random: () => 0.5, onRetry: (event: RetryEvent) => events.push(event), ...retry },
    ...extra,
  });
  return { kfp, events };
}

describe('retries (on by default for idempotent requests)', () => {
  it('sends a GET again after 503 and 502 with exponential backoff and full jitter', async () => {
    const target = await serverAnswering(status(503), status(502), healthy);
    const { kfp, events } = clientFor(target);
    expect(unwrap(await kfp.GET('/apis/v2beta1/healthz'))).toEqual({ multi_user: false });
    expect(target.requests).toHaveLength(3);
    // random() = 0.5 of min(20000, 100 * 2^(n-1)): 50 ms, then 100 ms.
    expect(
      events.map(({ attempt, status, delayMs, method }) => ({ attempt, status, delayMs, method })),
    ).toEqual([
      { attempt: 1, status: 503, delayMs: 50, method: 'GET' },
      { attempt: 2, status: 502, delayMs: 100, method: 'GET' },
    ]);
    expect(events[0]?.url).toBe(`${target.url}/apis/v2beta1/healthz`);
  });

  it('is on without any option, and stops after 3 attempts with the last answer', async () => {
    const target = await serverAnswering(status(504));
    const kfp = createKfpV2Client({ baseUrl: target.url });
    const { response } = await kfp.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(504);
    expect(target.requests).toHaveLength(3);
  });

  it('honours Retry-After (seconds or an HTTP date) instead of the backoff', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const target = await serverAnswering(
      status(429, { 'retry-after': '0' }),
      status(503, { 'retry-after': past }),
      healthy,
    );
    const { kfp, events } = clientFor(target, { random: () => 0.99 });
    unwrap(await kfp.GET('/apis/v2beta1/healthz'));
    expect(events.map(({ status, delayMs, retryAfterMs }) => ({ status, delayMs, retryAfterMs }))).toEqual([
      { status: 429, delayMs: 0, retryAfterMs: 0 },
      { status: 503, delayMs: 0, retryAfterMs: 0 },
    ]);
  });

  it('waits the Retry-After the server asked for', async () => {
    const target = await serverAnswering(status(503, { 'retry-after': '1' }), healthy);
    const { kfp, events } = clientFor(target);
    unwrap(await kfp.GET('/apis/v2beta1/healthz'));
    expect(events).toMatchObject([{ status: 503, delayMs: 1000, retryAfterMs: 1000 }]);
  });

  it('hands back a 429 at once when its Retry-After is longer than maxRetryAfterMs', async () => {
    const target = await serverAnswering(status(429, { 'retry-after': '120' }), healthy);
    const { kfp, events } = clientFor(target, { maxRetryAfterMs: 5_000 });
    const { response } = await kfp.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(429);
    expect(target.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it("ends at once when the caller's signal aborts during a wait", async () => {
    const target = await serverAnswering(status(503, { 'retry-after': '25' }), healthy);
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    const { kfp } = clientFor(target, { onRetry: () => controller.abort(reason) });
    await expect(kfp.GET('/apis/v2beta1/healthz', { signal: controller.signal })).rejects.toBe(reason);
    expect(target.requests).toHaveLength(1);
  });

  it('never outlives timeoutMs: a long Retry-After ends in REQUEST_TIMEOUT', async () => {
    const target = await serverAnswering(status(503, { 'retry-after': '25' }), healthy);
    const { kfp } = clientFor(target, {}, { timeoutMs: 300 });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT' });
    expect(target.requests).toHaveLength(1);
  });

  it('sends a GET again on a new connection after the server reset one', async () => {
    const target = await serverAnswering(reset, healthy);
    const { kfp, events } = clientFor(target);
    expect(unwrap(await kfp.GET('/apis/v2beta1/healthz'))).toEqual({ multi_user: false });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: undefined, error: { code: 'NETWORK_ERROR' } });
  });

  it('does not send a POST again unless the caller marks it safe', async () => {
    const body = { display_name: 'exp', namespace: 'team' };
    const plain = await serverAnswering(status(503));
    const first = clientFor(plain);
    expect((await first.kfp.POST('/apis/v2beta1/experiments', { body })).response.status).toBe(503);
    expect(plain.requests).toHaveLength(1);
    await plain.stop();

    const resetting = await serverAnswering(reset, healthy);
    await expect(clientFor(resetting).kfp.POST('/apis/v2beta1/experiments', { body })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
    expect(resetting.requests).toHaveLength(1);
  });

  it('sends a POST with an Idempotency-Key again, with identical body bytes', async () => {
    const target = await serverAnswering(status(503), reset, healthy);
    const { kfp, events } = clientFor(target);
    const body = { display_name: 'exp-ü', namespace: 'team', description: 'x'.repeat(10_000) };
    unwrap(
      await kfp.POST('/apis/v2beta1/experiments', { body, headers: { 'idempotency-key': 'create-exp-1' } }),
    );
    expect(events).toHaveLength(2);
    expect(target.requests).toHaveLength(3);
    const sent = target.requests.map((request) => request.body.toString('utf8'));
    expect(JSON.parse(sent[0] as string)).toEqual(body);
    expect(new Set(sent).size).toBe(1);
  });

  it('sends a POST again when the client lists POST in retry.methods', async () => {
    const target = await serverAnswering(status(502), healthy);
    const { kfp } = clientFor(target, { methods: ['GET', 'POST'] });
    unwrap(await kfp.POST('/apis/v2beta1/experiments', { body: { display_name: 'e' } }));
    expect(target.requests).toHaveLength(2);
  });

  it('leaves a 401 to the auth plugins (their replay stays separate)', async () => {
    const target = await serverAnswering(status(401));
    const { kfp, events } = clientFor(target, {}, { auth: staticTokenAuth('t0ken-value') });
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(401);
    expect(target.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('turns off with retry: false or maxAttempts: 1', async () => {
    const target = await serverAnswering(status(503));
    await createKfpV2Client({ baseUrl: target.url, retry: false }).GET('/apis/v2beta1/healthz');
    await createKfpV2Client({ baseUrl: target.url, retry: { maxAttempts: 1 } }).GET('/apis/v2beta1/healthz');
    expect(target.requests).toHaveLength(2);
  });

  it('tunes statuses and the attempt cap', async () => {
    const target = await serverAnswering(status(500), status(500), status(500), healthy);
    const { kfp } = clientFor(target, { statuses: [500], maxAttempts: 4, baseDelayMs: 1 });
    unwrap(await kfp.GET('/apis/v2beta1/healthz'));
    expect(target.requests).toHaveLength(4);
  });

  it('refuses retry options it cannot use when the client is created', () => {
    const baseUrl = 'http://127.0.0.1:8888';
    const create = (retry: unknown) => () => createKfpV2Client({ baseUrl, retry: retry as never });
    expect(create('yes')).toThrow(ConfigError);
    expect(create({ maxAttempts: 0 })).toThrow(
      /retry.maxAttempts must be a whole number from 1 to 10, got 0/,
    );
    expect(create({ maxAttemps: 3 })).toThrow(/retry.maxAttemps is not a retry option/);
    expect(create({ baseDelayMs: -1 })).toThrow(/retry.baseDelayMs must be a number of milliseconds/);
    expect(create({ statuses: [200] })).toThrow(/retry.statuses must be a list of HTTP error statuses/);
    expect(create({ statuses: [401, 503] })).toThrow(/cannot include 401: the auth plugins replay/);
    expect(create({ onRetry: 'log' })).toThrow(/retry.onRetry must be a function/);
  });
});
