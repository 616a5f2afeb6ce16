/**
 * `password` as a function: called only when a login has to run, so a CLI
 * with a valid saved session never asks for it, and whatever the function
 * throws (a CLI's "run mlp login") reaches the caller.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError } from '@ml-platform/core';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, startCluster, USERNAME } from './cluster.js';

const directories: string[] = [];
afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function sessionFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dex-supplier-'));
  directories.push(dir);
  return join(dir, 'session.json');
}

describe('password supplier', () => {
  it('is not called while the saved session is valid, and once when a login runs', async () => {
    const file = await sessionFile();
    let asked = 0;
    const password = () => {
      asked += 1;
      return Promise.resolve(PASSWORD);
    };
    const first = await startCluster({}, { sessionFile: file, password });
    expect((await first.kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(asked).toBe(1);

    // A second process: same emulator (its sessions are still valid), same file.
    const { dexSessionAuth } = await import('@ml-platform/auth-dex-session');
    const { createKfpV2Client } = await import('@ml-platform/kfp-v2');
    const again = dexSessionAuth({
      endpoint: first.emulator.endpoint,
      username: USERNAME,
      password,
      sessionFile: file,
    });
    const kfp = createKfpV2Client({ baseUrl: first.emulator.endpoint, auth: again });
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(asked).toBe(1);
    expect(again.logins).toBe(0);

    // The session ends: the supplier is asked again, once.
    first.emulator.expireSessions();
    expect((await kfp.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(asked).toBe(2);
  });

  it("passes on the supplier's own error when a login is needed", async () => {
    const refusal = new AuthError('mlp', 'CLI_LOGIN_REQUIRED', 'No saved session: run mlp login.');
    const cluster = await startCluster(
      {},
      { sessionFile: await sessionFile(), password: () => Promise.reject(refusal) },
    );
    const error = await cluster.kfp.GET('/apis/v2beta1/healthz').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('CLI_LOGIN_REQUIRED');
    expect(cluster.emulator.logins).toBe(0);
  });

  it('refuses an empty supplied password without posting it', async () => {
    const cluster = await startCluster({}, { password: () => '' });
    const error = await cluster.kfp.GET('/apis/v2beta1/healthz').catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('CONFIG_INVALID_OPTION');
    expect(cluster.emulator.logins).toBe(0);
  });
});
