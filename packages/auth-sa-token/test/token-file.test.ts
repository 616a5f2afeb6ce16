import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ServiceAccountTokenError, serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import { AuthError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createProjectedVolume } from '@ml-platform/testbed/kubernetes/projected-volume';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KfpAuthEmulator, startKfpAuthEmulator } from './support/kfp-auth-emulator.js';

let kfp: KfpAuthEmulator;
let scratch: string;
beforeAll(async () => {
  kfp = await startKfpAuthEmulator(['tok-1', 'tok-2', 'tok-3', 'tok-4', 'tok-5']);
  scratch = await mkdtemp(join(tmpdir(), 'sa-token-file-'));
});
afterAll(async () => {
  await kfp.close();
  await rm(scratch, { recursive: true, force: true });
});

/**
 * Sends one request through a client signed from `path` and returns what the client threw. Also checks
 * that nothing reached the server: a request never goes out with an empty or broken `Bearer `.
 */
async function failureFor(path: string): Promise<unknown> {
  const auth = serviceAccountTokenAuth({ path });
  const seenBefore = kfp.requests.length;
  const error = await createKfpV2Client({ baseUrl: kfp.url, auth })
    .GET('/apis/v2beta1/healthz')
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  auth.close();
  expect(kfp.requests.length).toBe(seenBefore);
  return error;
}

function everythingPrinted(error: unknown): string {
  return [
    (error as Error).message,
    String(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(error),
  ].join('\n');
}

describe('a token file that cannot be used', () => {
  it('reports a missing file with the path, where it came from and what to set', async () => {
    const path = join(scratch, 'no-such-dir', 'token');
    const error = await failureFor(path);

    expect(error).toBeInstanceOf(ServiceAccountTokenError);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      code: 'AUTH_SA_TOKEN_MISSING',
      path,
      plugin: '@ml-platform/auth-sa-token',
    });
    expect((error as Error).message).toContain(`${path} (the path option)`);
    expect((error as Error).message).toContain('KF_PIPELINES_SA_TOKEN_PATH');
    expect((error as Error).message).toContain('audience pipelines.kubeflow.org');
  });

  it('reports a projected volume whose ..data points at a deleted directory as missing', async () => {
    const volume = createProjectedVolume({ token: 'tok-1' });
    try {
      await rm(join(volume.dir, await readlink(join(volume.dir, '..data'))), { recursive: true });

      const error = await failureFor(volume.tokenPath);

      expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_MISSING', path: volume.tokenPath });
      expect((error as Error).message).toContain('symlink to nothing');
    } finally {
      await volume.remove();
    }
  });

  // Unreadable files are made without mode 000: tests may run as root, which reads any file regardless of mode.
  it('reports a directory at the token path as unreadable', async () => {
    const path = join(scratch, 'a-directory');
    await mkdir(path);
    const error = await failureFor(path);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_UNREADABLE', path });
    expect((error as Error).message).toContain('it is a directory, not a regular file');
  });

  it('reports a FIFO at the token path as unreadable instead of hanging on it', async () => {
    const path = join(scratch, 'a-fifo');
    execFileSync('mkfifo', [path]);
    const error = await failureFor(path);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_UNREADABLE', path });
    expect((error as Error).message).toContain('it is a FIFO');
  });

  it('reports a symlink loop as unreadable', async () => {
    const path = join(scratch, 'loop-a');
    await symlink('loop-b', path);
    await symlink('loop-a', join(scratch, 'loop-b'));
    const error = await failureFor(path);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_UNREADABLE', path });
    expect((error as Error).message).toContain('ELOOP');
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n'],
  ])('reports an %s file as AUTH_SA_TOKEN_EMPTY', async (name, content) => {
    const path = join(scratch, `token-${name.replace(' ', '-')}`);
    await writeFile(path, content);
    const error = await failureFor(path);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_EMPTY', path });
    expect((error as Error).message).toContain('is empty');
  });

  it('reports a file of two lines as malformed without printing either', async () => {
    const path = join(scratch, 'token-two-lines');
    await writeFile(path, 'first-line-SECRET-4a1b\nsecond-line-SECRET-9z8y\n');
    const error = await failureFor(path);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_MALFORMED', path });
    expect((error as Error).message).toContain('at character 23');
    expect(everythingPrinted(error)).not.toContain('SECRET');
  });

  it('reports a file far larger than a token as malformed', async () => {
    const path = join(scratch, 'token-huge');
    await writeFile(path, 'x'.repeat(70_000));
    const error = await failureFor(path);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_MALFORMED' });
    expect((error as Error).message).toContain('70000 bytes');
  });
});

describe('a usable token file', () => {
  it.each([
    ['a trailing newline', 'tok-1\n', 'tok-1'],
    ['surrounding spaces and blank lines', '  tok-2  \n\n', 'tok-2'],
    ['CRLF', 'tok-3\r\n', 'tok-3'],
    ['a byte-order mark', '\uFEFFtok-4\n', 'tok-4'],
  ])('has %s trimmed', async (_name, content, token) => {
    const path = join(scratch, `token-trim-${token}`);
    await writeFile(path, content);
    const auth = serviceAccountTokenAuth({ path });
    const { response } = await createKfpV2Client({ baseUrl: kfp.url, auth }).GET('/apis/v2beta1/healthz');
    auth.close();

    expect(response.status).toBe(200);
    expect(kfp.requests.at(-1)?.authorization).toBe(`Bearer ${token}`);
  });

  it('does not show the token when the plugin, its cache or its credential is printed', async () => {
    const token = 'tok-5';
    const path = join(scratch, 'token-print');
    await writeFile(path, `${token}\n`);
    const auth = serviceAccountTokenAuth({ path });
    await createKfpV2Client({ baseUrl: kfp.url, auth }).GET('/apis/v2beta1/healthz');
    auth.close();
    const credential = auth.cache.peek();

    expect(credential?.value).toBe(token);
    const printed = [
      String(auth),
      inspect(auth, { depth: Number.POSITIVE_INFINITY }),
      JSON.stringify(auth),
      inspect(credential, { depth: Number.POSITIVE_INFINITY }),
      JSON.stringify(credential),
      `${credential}`,
    ].join('\n');
    expect(printed).not.toContain(token);
  });
});
