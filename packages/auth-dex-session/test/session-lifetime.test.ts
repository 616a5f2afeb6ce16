/**
 * What happens after the first login: the session ends (oauth2-proxy answers
 * API routes with 401, authservice redirects to Dex) and the plugin logs in
 * once for every request in flight, then replays each; sessions saved to a
 * file survive the process; logout forgets them.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DexSessionErrorCode, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leakedCredentials, startCluster } from './cluster.js';

const HOUR_MS = 3_600_000;

describe('an expired session', () => {
  it.each([
    ['oauth2-proxy', 'answers API routes with 401'],
    ['authservice', 'redirects API requests to Dex'],
  ] as const)(
    'behind %s (which %s): one login for 200 concurrent requests, none failed',
    async (gateway, _behaviour) => {
      const cluster = await startCluster({ gateway });
      expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
      cluster.emulator.expireSessionsAfter(60);
      const results = await Promise.all(
        Array.from({ length: 200 }, () => cluster.kfp.GET('/apis/v2beta1/healthz')),
      );
      expect(results.map((result) => result.response.status)).toEqual(Array(200).fill(200));
      expect(results.every((result) => result.data?.multi_user === true)).toBe(true);
      expect(cluster.auth.logins).toBe(2);
      expect(cluster.emulator.logins).toBe(2);
      const refused = cluster.emulator.exchanges.filter(
        (exchange) => exchange.path.endsWith('/healthz') && exchange.status !== 200,
      );
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((exchange) => exchange.status === (gateway === 'authservice' ? 302 : 401))).toBe(
        true,
      );
    },
  );

  it('replays a POST with its body after logging in again', async () => {
    const cluster = await startCluster({ gateway: 'authservice' });
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    cluster.emulator.expireSessions();
    const { data } = await cluster.kfp.POST('/apis/v2beta1/experiments', {
      body: { display_name: 'after-expiry', description: 'kept across the replay' },
    });
    expect(data).toMatchObject({ display_name: 'after-expiry', description: 'kept across the replay' });
    expect(cluster.auth.logins).toBe(2);
  });

  it('is known to expire when its cookie does: 24 h behind Kubeflow, 168 h by oauth2-proxy default', async () => {
    const kubeflow = await startCluster({
      sessionLifetimeMs: 24 * HOUR_MS,
      cookieName: 'oauth2_proxy_kubeflow',
    });
    await kubeflow.kfp.GET('/apis/v2beta1/healthz');
    expect(kubeflow.auth.cache.peek()?.expiresAt).toBeGreaterThan(Date.now() + 24 * HOUR_MS - 60_000);
    expect(kubeflow.auth.cache.peek()?.expiresAt).toBeLessThanOrEqual(Date.now() + 24 * HOUR_MS);
    const defaults = await startCluster();
    await defaults.kfp.GET('/apis/v2beta1/healthz');
    expect(defaults.auth.cache.peek()?.expiresAt).toBeGreaterThan(Date.now() + 168 * HOUR_MS - 60_000);
  });

  it('logout forgets the session: the next request logs in again without the old cookie', async () => {
    const cluster = await startCluster();
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    await cluster.auth.logout();
    expect(cluster.auth.cache.peek()).toBeUndefined();
    const before = cluster.emulator.exchanges.length;
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(cluster.emulator.logins).toBe(2);
    expect(cluster.emulator.exchanges[before]?.headers.cookie).toBeUndefined();
  });
});

describe('sessionFile', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dex-session-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('is written 0600 after a login and spares the next run its login', async () => {
    const sessionFile = join(directory, 'nested', 'session.json');
    const first = await startCluster({}, { sessionFile });
    await first.kfp.GET('/apis/v2beta1/healthz');
    expect((await stat(sessionFile)).mode & 0o777).toBe(0o600);
    const saved = await readFile(sessionFile, 'utf8');
    expect(saved).toContain(`"endpoint":"${first.emulator.gatewayOrigin}"`);
    expect(leakedCredentials([saved])).toEqual([]);

    // The next run of a CLI: a new plugin instance, the same file.
    const auth = dexSessionAuth({
      endpoint: first.emulator.endpoint,
      username: 'someone',
      password: 'unused-here',
      sessionFile,
    });
    const kfp = createKfpV2Client({ baseUrl: first.emulator.endpoint, auth });
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(auth.logins).toBe(0);
    expect(first.emulator.logins).toBe(1);
  });

  it('holding an expired session: logs in once and rewrites it', async () => {
    const sessionFile = join(directory, 'session.json');
    const cluster = await startCluster({}, { sessionFile });
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    const stale = await readFile(sessionFile, 'utf8');
    cluster.emulator.expireSessions();
    await cluster.auth.logout().then(() => writeFile(sessionFile, stale, { mode: 0o600 }));
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(cluster.emulator.logins).toBe(2);
    expect(await readFile(sessionFile, 'utf8')).not.toBe(stale);
  });

  it('for another endpoint is ignored', async () => {
    const sessionFile = join(directory, 'session.json');
    const other = await startCluster({}, { sessionFile });
    await other.kfp.GET('/apis/v2beta1/healthz');
    const cluster = await startCluster({}, { sessionFile });
    expect((await cluster.kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(cluster.emulator.logins).toBe(1);
  });

  it('readable by other users is refused with AUTH_DEX_SESSION_FILE', async () => {
    const sessionFile = join(directory, 'session.json');
    const cluster = await startCluster({}, { sessionFile });
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    await cluster.auth.logout();
    await writeFile(sessionFile, '{}');
    await chmod(sessionFile, 0o644);
    await expect(cluster.kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.sessionFile,
      message: expect.stringContaining('(mode 644); it holds a login session. Run chmod 600 on it'),
      // Core's private-file policy, the same for every file holding credentials.
      cause: { code: 'PRIVATE_FILE_EXPOSED', mode: 0o644 },
    });
  });

  it('in a directory other users can write to is refused with AUTH_DEX_SESSION_FILE, naming it and its mode', async () => {
    const shared = join(directory, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o777);
    const cluster = await startCluster({}, { sessionFile: join(shared, 'session.json') });
    await expect(cluster.kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: DexSessionErrorCode.sessionFile,
      message: expect.stringContaining(
        `The directory ${shared}, where ${join(shared, 'session.json')} (sessionFile) is kept`,
      ),
      cause: { code: 'PRIVATE_FILE_EXPOSED', mode: 0o777, path: shared },
    });
  });

  it('is deleted by logout', async () => {
    const sessionFile = join(directory, 'session.json');
    const cluster = await startCluster({}, { sessionFile });
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    await cluster.auth.logout();
    await expect(stat(sessionFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
