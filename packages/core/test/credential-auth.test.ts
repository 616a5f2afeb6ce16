import {
  type Credential,
  CredentialCache,
  createCredentialAuth,
  staticCookieAuth,
  staticTokenAuth,
} from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A server that accepts only `Bearer <valid>` and echoes what it received. */
async function serverAccepting(isValid: (token: string) => boolean) {
  server = await startHttpServer((request, response) => {
    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!isValid(token)) return sendJson(response, 401, { code: 16, message: 'invalid token' });
    sendJson(response, 200, { echoed: request.body.toString('utf8'), token });
  });
  return server;
}

/** A token source that hands out `token-1`, `token-2`, ... and counts how often it was asked. */
function countingSource(options: { delayMs?: number } = {}) {
  let issued = 0;
  const reasons: string[] = [];
  const cache = new CredentialCache<Credential>({
    acquire: async (reason) => {
      reasons.push(reason);
      issued += 1;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
      return { value: `token-${issued}` };
    },
  });
  const plugin = createCredentialAuth({
    name: 'counting',
    cache,
    apply: (request, credential) => {
      request.headers.set('authorization', `Bearer ${credential.value}`);
      return undefined;
    },
  });
  return { cache, plugin, reasons, issued: () => issued };
}

describe('single-flight credential acquisition', () => {
  it('acquires once for 100 concurrent first requests', async () => {
    const { url } = await serverAccepting((token) => token === 'token-1');
    const source = countingSource({ delayMs: 50 });
    const kfp = createKfpV2Client({ baseUrl: url, auth: source.plugin });
    const results = await Promise.all(Array.from({ length: 100 }, () => kfp.GET('/apis/v2beta1/healthz')));
    expect(results.map((result) => result.response.status)).toEqual(Array(100).fill(200));
    expect(source.issued()).toBe(1);
    expect(source.cache.acquisitions).toBe(1);
  });

  it('never caches a failure: the next request acquires again', async () => {
    let attempts = 0;
    const cache = new CredentialCache({
      acquire: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('token endpoint down');
        return { value: 'token-ok' };
      },
    });
    await expect(cache.get()).rejects.toThrow('token endpoint down');
    await expect(cache.get()).resolves.toEqual({ value: 'token-ok' });
    expect(attempts).toBe(2);
  });

  it('re-acquires when the credential is within the skew of its expiry, not before', async () => {
    let now = 1_000_000;
    let calls = 0;
    const cache = new CredentialCache({
      skewMs: 30_000,
      refreshAheadMs: 30_000,
      now: () => now,
      // An hour's lifetime, so the windows are not capped at a fraction of it (tested below).
      acquire: async () => ({ value: `t${++calls}`, expiresAt: now + 3_600_000 }),
    });
    expect((await cache.get()).value).toBe('t1');
    now += 3_569_000; // 31 s left: still fresh
    expect((await cache.get()).value).toBe('t1');
    now += 2_000; // 29 s left: inside the skew
    expect((await cache.get()).value).toBe('t2');
    expect(calls).toBe(2);
  });

  it('refreshes ahead in the background while serving the still-valid credential', async () => {
    let now = 0;
    let calls = 0;
    const cache = new CredentialCache({
      skewMs: 10_000,
      refreshAheadMs: 60_000,
      now: () => now,
      acquire: async (reason) => ({ value: `t${++calls}-${reason}`, expiresAt: now + 3_600_000 }),
    });
    expect((await cache.get()).value).toBe('t1-initial');
    now = 3_550_000; // 50 s left: inside refresh-ahead, outside skew
    expect((await cache.get()).value).toBe('t1-initial');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cache.get()).value).toBe('t2-expiring');
  });

  it('never refreshes in the background when refreshAheadMs is at most skewMs, however short the lifetime', async () => {
    let now = 0;
    const reasons: string[] = [];
    const cache = new CredentialCache({
      // What a plugin whose refresh may prompt asks for (auth-kubeconfig's exec credentials).
      skewMs: 30_000,
      refreshAheadMs: 0,
      now: () => now,
      acquire: async (reason) => {
        reasons.push(reason);
        return { value: `t${now}`, expiresAt: now + 16_000 };
      },
    });
    await cache.get();
    now = 13_000; // 3 s left: inside a quarter of the lifetime, outside an eighth (2 s)
    expect((await cache.get()).value).toBe('t0');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reasons).toEqual(['initial']);
    now = 14_500; // due: refreshed in the foreground
    expect((await cache.get()).value).toBe('t14500');
    expect(reasons).toEqual(['initial', 'expiring']);
  });

  it('caps skew and refresh-ahead at a fraction of a short lifetime: one acquisition per lifetime, not per call', async () => {
    let now = 0;
    const cache = new CredentialCache({
      // The defaults OIDC uses, against 15 s tokens: uncapped, every get() would acquire.
      skewMs: 30_000,
      refreshAheadMs: 60_000,
      now: () => now,
      acquire: async () => ({ value: `t${now}`, expiresAt: now + 15_000 }),
    });
    for (; now < 150_000; now += 100) {
      await cache.get();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // 150 s of 15 s tokens renewed a quarter of their life early: 14 acquisitions, not 1,500.
    expect(cache.acquisitions).toBeGreaterThanOrEqual(10);
    expect(cache.acquisitions).toBeLessThanOrEqual(15);
  });
});

describe('replay after 401', () => {
  it('replays a POST once, body included, with the refreshed credential', async () => {
    const { url, requests } = await serverAccepting((token) => token === 'token-2');
    const source = countingSource();
    const kfp = createKfpV2Client({ baseUrl: url, auth: source.plugin });
    const { data, response } = await kfp.POST('/apis/v2beta1/experiments', {
      body: { display_name: 'replayed', namespace: 'team-a' },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse((data as unknown as { echoed: string }).echoed)).toEqual({
      display_name: 'replayed',
      namespace: 'team-a',
    });
    expect(requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(requests[0]?.body.toString()).toBe(requests[1]?.body.toString());
    expect(source.reasons).toEqual(['initial', 'rejected']);
  });

  it('refreshes once when 200 concurrent requests are refused with the same stale credential', async () => {
    const { url } = await serverAccepting((token) => token === 'token-2');
    const source = countingSource({ delayMs: 20 });
    const kfp = createKfpV2Client({ baseUrl: url, auth: source.plugin });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        kfp.POST('/apis/v2beta1/experiments', { body: { display_name: `e${i}` } }),
      ),
    );
    expect(results.filter((result) => result.response.status !== 200)).toHaveLength(0);
    expect(source.issued()).toBe(2);
  });

  it('returns the 401 without a replay when re-acquiring yields the same credential', async () => {
    const { url, requests } = await serverAccepting(() => false);
    const cache = new CredentialCache({ acquire: async () => ({ value: 'same-token' }) });
    const plugin = createCredentialAuth({
      name: 'fixed',
      cache,
      apply: (request, credential) => void request.headers.set('authorization', `Bearer ${credential.value}`),
    });
    const kfp = createKfpV2Client({ baseUrl: url, auth: plugin });
    const { response, error } = await kfp.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 16, message: 'invalid token' });
    expect(requests).toHaveLength(1);
    expect(cache.acquisitions).toBe(2);
  });

  it('replays at most once: a second 401 is returned to the caller', async () => {
    const { url, requests } = await serverAccepting(() => false);
    const source = countingSource();
    const kfp = createKfpV2Client({ baseUrl: url, auth: source.plugin });
    const { response } = await kfp.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(401);
    expect(requests).toHaveLength(2);
  });
});

describe('replacing a refused credential', () => {
  it('does not trust an acquisition that began before the refusal when it returns the refused value', async () => {
    // The source changes from A to B while a read of it is in flight: the in-flight read still yields A.
    let sourceValue = 'A';
    let release: (() => void) | undefined;
    let calls = 0;
    const cache = new CredentialCache({
      acquire: async () => {
        calls += 1;
        const value = sourceValue;
        if (calls === 2) await new Promise<void>((resolve) => (release = resolve));
        return { value };
      },
    });
    const refused = await cache.get();
    cache.invalidate(refused);
    const inFlight = cache.get(); // a read that starts before the source rotates...
    await new Promise((resolve) => setTimeout(resolve, 0));
    sourceValue = 'B'; // ...which rotates while the read is in flight
    const replacement = cache.replace(refused);
    release?.();
    expect((await inFlight).value).toBe('A');
    expect((await replacement).value).toBe('B');
    expect(calls).toBe(3);
  });

  it('makes no extra acquisition when it started the acquisition itself', async () => {
    let calls = 0;
    const cache = new CredentialCache({ acquire: async () => ({ value: `t${++calls}` }) });
    const refused = await cache.get();
    expect((await cache.replace(refused)).value).toBe('t2');
    expect(calls).toBe(2);
  });
});

describe('what acquire is told', () => {
  it('passes the refused credential as `previous` so a plugin can refresh from it', async () => {
    const seen: Array<[string, string | undefined]> = [];
    let calls = 0;
    const cache = new CredentialCache({
      acquire: async (reason, previous) => {
        seen.push([reason, previous?.value]);
        return { value: `t${++calls}` };
      },
    });
    const first = await cache.get();
    await cache.replace(first);
    cache.clear();
    await cache.get();
    expect(seen).toEqual([
      ['initial', undefined],
      ['rejected', 't1'],
      ['initial', undefined],
    ]);
  });
});

describe('acquire()', () => {
  it('returns the credential a request would carry, sharing one acquisition with concurrent callers', async () => {
    const { url } = await serverAccepting((token) => token === 'token-1');
    const source = countingSource({ delayMs: 30 });
    const [first, second] = await Promise.all([source.plugin.acquire(), source.plugin.acquire()]);
    expect(first).toEqual({ value: 'token-1' });
    expect(second).toBe(first);
    const kfp = createKfpV2Client({ baseUrl: url, auth: source.plugin });
    const { data } = await kfp.GET('/apis/v2beta1/healthz');
    expect(data).toMatchObject({ token: 'token-1' });
    expect(source.issued()).toBe(1);
  });

  it('stops waiting when its signal aborts, while the acquisition goes on for others', async () => {
    const source = countingSource({ delayMs: 200 });
    const controller = new AbortController();
    const waiting = source.plugin.acquire({ signal: controller.signal });
    controller.abort(new Error('no longer needed'));
    await expect(waiting).rejects.toThrow('no longer needed');
    await expect(source.plugin.acquire()).resolves.toEqual({ value: 'token-1' });
    expect(source.issued()).toBe(1);
  });

  it('refuses a credential no header can carry, without showing it', async () => {
    const cache = new CredentialCache<Credential>({ acquire: async () => ({ value: 'line\nbreak-secret' }) });
    const plugin = createCredentialAuth({ name: 'broken', cache, apply: () => undefined });
    const error = await plugin.acquire().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'AUTH_CREDENTIAL_UNSENDABLE' });
    expect(String((error as Error).message)).not.toContain('break-secret');
  });

  it('is on the static plugins too, with the bare token', async () => {
    await expect(staticTokenAuth('Bearer abc123').acquire?.()).resolves.toEqual({ value: 'abc123' });
    await expect(staticCookieAuth('session=xyz789').acquire?.()).resolves.toEqual({
      value: 'session=xyz789',
    });
  });
});
