import { serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  createProjectedVolume,
  type ProjectedVolume,
} from '@ml-platform/testbed/kubernetes/projected-volume';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type KfpAuthEmulator, startKfpAuthEmulator } from './support/kfp-auth-emulator.js';
import { freshServiceAccountJwt } from './support/service-account-jwt.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A projected volume holding `tokens[0]`, a server accepting all of `tokens`, and a client signing with the plugin. */
async function setUp(
  options: Parameters<typeof serviceAccountTokenAuth>[0] = {},
  tokens = [freshServiceAccountJwt()],
) {
  const first = tokens[0]!;
  const volume: ProjectedVolume = createProjectedVolume({ token: first });
  cleanups.push(() => volume.remove());
  const kfp: KfpAuthEmulator = await startKfpAuthEmulator(tokens);
  cleanups.push(() => kfp.close());
  const auth = serviceAccountTokenAuth({ path: volume.tokenPath, ...options });
  cleanups.push(() => auth.close());
  const client = createKfpV2Client({ baseUrl: kfp.url, auth });
  const healthz = async () => (await client.GET('/apis/v2beta1/healthz')).response.status;
  return { first, volume, kfp, auth, client, healthz };
}

describe('token rotation (kubelet atomic-symlink layout)', () => {
  it('serves 1,000 requests in flight across a rotation with no failure and one shared re-read', async () => {
    const { first, volume, kfp, auth, healthz } = await setUp();
    expect(await healthz()).toBe(200);
    const second = freshServiceAccountJwt();
    // All 1,000 are signed with the first token and held by the server; then the kubelet swaps the
    // file and the server starts refusing the first token, before answering any of them.
    kfp.holdUntil(1000, () => {
      volume.project({ token: second });
      kfp.accept(second);
    });

    const statuses = await Promise.all(Array.from({ length: 1000 }, healthz));

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(kfp.count(first, 401)).toBe(1000);
    expect(kfp.count(second, 200)).toBe(1000);
    // One read at the start, one shared by the 1,000 refused requests: never a read per request.
    expect(auth.cache.acquisitions).toBe(2);
  });

  it('keeps every request succeeding under sustained load while the token rotates three times', async () => {
    const { first, volume, kfp, auth, healthz } = await setUp();
    // As in a cluster, a replaced token stays valid a while (until its exp; here: until the next rotation),
    // so only a request outliving two rotations could be refused twice. The next rotation therefore waits
    // until every request started before the previous one has been answered.
    const tokens = [first];
    const outstandingByEpoch = [0, 0, 0, 0];
    let nextRotationAt = 200;
    kfp.onArrival((arrived) => {
      const epoch = tokens.length - 1;
      const olderDone = outstandingByEpoch.slice(0, epoch).every((count) => count === 0);
      if (tokens.length < 4 && arrived >= nextRotationAt && olderDone) {
        const next = freshServiceAccountJwt();
        volume.project({ token: next });
        kfp.accept(next, tokens.at(-1)!);
        tokens.push(next);
        nextRotationAt = arrived + 200;
      }
    });
    const worker = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        const epoch = tokens.length - 1;
        outstandingByEpoch[epoch]! += 1;
        statuses.push(await healthz());
        outstandingByEpoch[epoch]! -= 1;
      }
      return statuses;
    };

    const statuses = (await Promise.all(Array.from({ length: 40 }, worker))).flat();

    expect(statuses).toHaveLength(1200);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(tokens).toHaveLength(4);
    // The plugin moved on to every new token, and a token two rotations old was never accepted.
    for (const token of tokens) expect(kfp.count(token, 200)).toBeGreaterThan(0);
    // A few reads per rotation (the watch, a refused request's re-read), not one per request.
    expect(auth.cache.acquisitions).toBeLessThan(20);
  });

  it('reads the file once for the first 500 concurrent requests and never again while it is unchanged', async () => {
    const { first, kfp, auth, healthz } = await setUp();

    const statuses = await Promise.all(Array.from({ length: 500 }, healthz));
    for (let i = 0; i < 200; i += 1) statuses.push(await healthz());

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(kfp.count(first, 200)).toBe(700);
    expect(auth.cache.acquisitions).toBe(1);
  });

  it('notices a rotation through the directory watch before the server refuses anything', async () => {
    // The stat check is pushed out to an hour, so only the watch can notice; the server accepts both tokens.
    const first = freshServiceAccountJwt();
    const second = freshServiceAccountJwt();
    const { volume, kfp, auth, healthz } = await setUp({ checkIntervalMs: 3_600_000 }, [first, second]);
    expect(await healthz()).toBe(200);
    const readsBefore = auth.cache.acquisitions;

    volume.project({ token: second });
    await vi.waitFor(
      async () => {
        expect(await healthz()).toBe(200);
        expect(kfp.requests.at(-1)?.authorization).toBe(`Bearer ${second}`);
      },
      { timeout: 10_000, interval: 10 },
    );

    expect(kfp.requests.filter((seen) => seen.status !== 200)).toEqual([]);
    expect(auth.cache.acquisitions - readsBefore).toBeGreaterThanOrEqual(1);
    expect(auth.cache.acquisitions - readsBefore).toBeLessThanOrEqual(3);
  });

  it('notices a rotation by comparing the file identity when watching is off', async () => {
    const first = freshServiceAccountJwt();
    const second = freshServiceAccountJwt();
    const { volume, kfp, auth, healthz } = await setUp({ watch: false, checkIntervalMs: 0 }, [first, second]);
    for (let i = 0; i < 50; i += 1) expect(await healthz()).toBe(200);
    expect(auth.cache.acquisitions).toBe(1);

    volume.project({ token: second });
    expect(await healthz()).toBe(200);

    expect(kfp.requests.at(-1)?.authorization).toBe(`Bearer ${second}`);
    expect(kfp.requests.filter((seen) => seen.status !== 200)).toEqual([]);
    expect(auth.cache.acquisitions).toBe(2);
  });

  it('keeps working on stat checks after close(), which is idempotent and is Symbol.dispose', async () => {
    const { volume, kfp, auth, healthz } = await setUp({ checkIntervalMs: 0 });
    expect(await healthz()).toBe(200);
    expect(auth[Symbol.dispose]).toBe(auth.close);
    auth.close();
    auth.close();

    const second = freshServiceAccountJwt();
    volume.project({ token: second });
    kfp.accept(second);
    expect(await healthz()).toBe(200);
    expect(kfp.count(second, 200)).toBe(1);
    expect(kfp.requests.filter((seen) => seen.status !== 200)).toEqual([]);
  });
});
