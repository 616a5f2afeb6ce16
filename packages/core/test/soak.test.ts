/**
 * A one-minute soak, bounded in count: 50 concurrent callers against a real
 * node:http server that answers 5% of requests with 503 and drops 1% of
 * connections after the headers while the body streams, with the
 * ServiceAccount token file rotated every 200 ms (the server accepts a
 * token for 30 s after it was replaced, as Kubernetes keeps an old token
 * valid for a while; the test checks the plugin followed the rotation). The target: no call fails while it
 * had an attempt left, and every failure carries a code. Timings are not
 * asserted: `npm test` runs on 2 loaded cores.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, expect, it } from 'vitest';

const CONCURRENCY = 50;
const MAX_CALLS = 4_000;
const LAUNCH_FOR_MS = 45_000;
const MAX_ATTEMPTS = 3;
/** The token file is replaced this often; the server accepts a token for ACCEPTED_GENERATIONS replacements (30 s). */
const ROTATE_EVERY_MS = 200;
const ACCEPTED_GENERATIONS = 150;
/** Calls go on past MAX_CALLS until the token was replaced this often: a fast client must still meet rotations. */
const MIN_ROTATIONS = 8;

let directory: string;
let server: TestHttpServer;
let rotation: NodeJS.Timeout;
let generation = 0;
/** What the server did to each call (by its x-call-id): one entry per request. */
const outcomes = new Map<string, Array<'ok' | '503' | 'dropped' | '401'>>();
/** Every token the server was sent: the plugin must follow the rotation. */
const tokensSeen = new Set<string>();

const tokenOf = (n: number) => `soak-token-${n}`;
const body = JSON.stringify({
  runs: Array.from({ length: 40 }, (_, i) => ({ run_id: `run-${i}`, display_name: 'r'.repeat(80) })),
});

async function rotate(tokenPath: string): Promise<void> {
  const next = generation + 1;
  // Atomic replacement, as the kubelet's symlink swap is: a reader sees the old token or the new one.
  await writeFile(`${tokenPath}.next`, `${tokenOf(next)}\n`);
  // Counted before the swap: the server must accept the new token from the moment a reader can see it.
  // (Counted after, a request read just after the rename could reach the server first, be refused as
  // from the future, and its replay re-read the same token: a failure of the test, not of the plugin.)
  generation = next;
  await rename(`${tokenPath}.next`, tokenPath);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'soak-'));
  const tokenPath = join(directory, 'token');
  await writeFile(tokenPath, `${tokenOf(0)}\n`);
  rotation = setInterval(() => void rotate(tokenPath).catch(() => undefined), ROTATE_EVERY_MS);
  server = await startHttpServer((request, response) => {
    const id = String(request.headers['x-call-id']);
    const seen = outcomes.get(id) ?? [];
    outcomes.set(id, seen);
    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    tokensSeen.add(token);
    // A generous window: on a loaded machine a read, a refusal and a replay can span several rotations.
    const age = generation - Number(token.replace('soak-token-', ''));
    if (!(age >= 0 && age <= ACCEPTED_GENERATIONS)) {
      seen.push('401');
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"code":16,"message":"token expired"}');
      return;
    }
    const roll = Math.random();
    if (roll < 0.05) {
      seen.push('503');
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end('{"code":14,"message":"unavailable"}');
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    if (roll < 0.06) {
      seen.push('dropped');
      response.write(body.slice(0, body.length / 2), () => response.socket?.destroy());
      return;
    }
    seen.push('ok');
    response.end(body);
  });
});

afterAll(async () => {
  clearInterval(rotation);
  await server?.stop();
  await rm(directory, { recursive: true, force: true });
});

it('fails no call that had an attempt left, through rotation, 503s and mid-body drops', {
  timeout: 120_000,
}, async () => {
  const auth = serviceAccountTokenAuth({ path: join(directory, 'token'), checkIntervalMs: 100 });
  const kfp = createKfpV2Client({
    baseUrl: server.url,
    auth,
    retry: { maxAttempts: MAX_ATTEMPTS, baseDelayMs: 5, maxDelayMs: 50 },
  });
  const failures: Array<{ id: string; error: unknown }> = [];
  let launched = 0;
  const started = Date.now();
  async function caller(): Promise<void> {
    while ((launched < MAX_CALLS || generation < MIN_ROTATIONS) && Date.now() - started < LAUNCH_FOR_MS) {
      const id = `call-${launched++}`;
      try {
        const { data, response, error } = await kfp.GET('/apis/v2beta1/runs', {
          headers: { 'x-call-id': id },
        });
        if (response.status !== 200 || data?.runs?.length !== 40)
          failures.push({ id, error: error ?? response.status });
      } catch (error) {
        failures.push({ id, error });
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));

  const faults = (id: string) =>
    (outcomes.get(id) ?? []).filter((o) => o === '503' || o === 'dropped').length;
  const dropped = [...outcomes.values()].flat().filter((o) => o === 'dropped').length;
  expect(launched).toBeGreaterThan(500);
  expect(dropped).toBeGreaterThan(0);
  expect(generation).toBeGreaterThanOrEqual(MIN_ROTATIONS);
  expect(tokensSeen.size).toBeGreaterThan(5);
  // A call may fail only once every attempt it had met a fault, and then with a code.
  const withAttemptsLeft = failures.filter(({ id }) => faults(id) < MAX_ATTEMPTS);
  expect(
    withAttemptsLeft.map(({ id, error }) => ({ id, error: String(error), outcomes: outcomes.get(id) })),
  ).toEqual([]);
  for (const { error } of failures) {
    if (typeof error === 'object') expect(error).toHaveProperty('code');
  }
});
