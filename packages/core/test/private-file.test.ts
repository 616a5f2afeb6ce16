/**
 * The private-file policy, on real files, real processes and a real worker
 * thread: 0600 files in 0700 directories written atomically, exposed files
 * refused, and locks whose holder is gone taken over within a second.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  PrivateFileError,
  PrivateFileErrorCode,
  readPrivateFile,
  removePrivateFile,
  withFileLock,
  writePrivateFile,
} from '@ml-platform/core/private-file';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let directory: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'private-file-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(directory, { recursive: true, force: true });
});

/** A node process that takes the lock on `path` through the public API, says so, and holds it until killed. */
async function processHoldingLock(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { withFileLock } from '@ml-platform/core/private-file';
       setInterval(() => {}, 60_000); // alive until killed
       await withFileLock(process.argv[1], () => { process.stdout.write('held\\n'); return new Promise(() => {}); });`,
      path,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await once(child.stdout as NodeJS.ReadableStream, 'data');
  return child;
}

const elapsedOf = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

describe('writePrivateFile', () => {
  it('creates missing directories 0700 and the file 0600, and leaves no temporary file', async () => {
    const path = join(directory, 'config', 'ml-platform', 'session.json');
    await writePrivateFile(path, 'first');
    await writePrivateFile(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(directory, 'config'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(directory, 'config', 'ml-platform'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(directory, 'config', 'ml-platform'))).toEqual(['session.json']);
  });

  it('replaces an exposed file by a private one (the rename swaps the inode)', async () => {
    const path = join(directory, 'tokens.json');
    await writeFile(path, 'old', { mode: 0o644 });
    await chmod(path, 0o644);
    await writePrivateFile(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('fails with PRIVATE_FILE_IO naming the path when the directory cannot be created', async () => {
    const blocker = join(directory, 'not-a-directory');
    await writeFile(blocker, '');
    const error = await writePrivateFile(join(blocker, 'tokens.json'), 'secret').catch((thrown) => thrown);
    expect(error).toBeInstanceOf(PrivateFileError);
    expect(error).toMatchObject({ code: PrivateFileErrorCode.io, path: join(blocker, 'tokens.json') });
    expect(error.message).not.toContain('secret');
  });
});

describe('readPrivateFile', () => {
  it('is undefined for a missing file and the text of a private one', async () => {
    const path = join(directory, 'session.json');
    expect(await readPrivateFile(path)).toBeUndefined();
    await writePrivateFile(path, '{"a":1}');
    expect(await readPrivateFile(path)).toBe('{"a":1}');
  });

  it.each([0o644, 0o640, 0o604, 0o660])(
    'refuses a file of mode %o with PRIVATE_FILE_EXPOSED naming the mode, never its content',
    async (mode) => {
      const path = join(directory, 'session.json');
      await writeFile(path, 'the-session-cookie');
      await chmod(path, mode);
      const error = await readPrivateFile(path, { holds: 'a login session' }).catch((thrown) => thrown);
      expect(error).toBeInstanceOf(PrivateFileError);
      expect(error).toMatchObject({ code: PrivateFileErrorCode.exposed, path, mode });
      expect(error.message).toContain(`(mode ${mode.toString(8)}); it holds a login session. Run chmod 600`);
      expect(`${error.message}${error.stack}`).not.toContain('the-session-cookie');
      // Refused, not repaired: the owner decides.
      expect((await stat(path)).mode & 0o777).toBe(mode);
    },
  );

  it('refuses a directory at the path with PRIVATE_FILE_NOT_A_FILE', async () => {
    const path = join(directory, 'session.json');
    await mkdir(path);
    await expect(readPrivateFile(path)).rejects.toMatchObject({ code: PrivateFileErrorCode.notAFile });
  });

  it('removePrivateFile removes it, and a missing file is no error', async () => {
    const path = join(directory, 'session.json');
    await writePrivateFile(path, 'x');
    await removePrivateFile(path);
    await removePrivateFile(path);
    expect(await readPrivateFile(path)).toBeUndefined();
  });
});

describe('withFileLock', () => {
  it('takes over, within a second, a lock whose holder was killed while holding it', async () => {
    const path = join(directory, 'tokens.json');
    const holder = await processHoldingLock(path);
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const elapsed = await elapsedOf(() => withFileLock(path, async () => undefined, { staleMs: 60_000 }));
    expect(elapsed).toBeLessThan(1_000);
    expect(await readdir(directory)).toEqual([]);
  });

  it("takes over, within a second, a lock recorded with this process's pid by an earlier process (PID 1 after a container restart)", async () => {
    const path = join(directory, 'tokens.json');
    // What the previous incarnation, with the same pid and host, left behind before it was restarted.
    await writeFile(
      `${path}.lock`,
      JSON.stringify({ pid: process.pid, host: hostname(), id: 'before-restart' }),
    );
    const restartedAgo = new Date(Date.now() - 10_000);
    await utimes(`${path}.lock`, restartedAgo, restartedAgo);
    const elapsed = await elapsedOf(() => withFileLock(path, async () => undefined, { staleMs: 60_000 }));
    expect(elapsed).toBeLessThan(1_000);
  });

  it('waits for a live holder in another process and runs after it lets go', async () => {
    const path = join(directory, 'tokens.json');
    const holder = await processHoldingLock(path);
    const error = await withFileLock(path, async () => 'ran', { timeoutMs: 300 }).catch((thrown) => thrown);
    expect(error).toMatchObject({ code: PrivateFileErrorCode.lockTimeout, path: `${path}.lock` });
    holder.kill('SIGTERM');
    await once(holder, 'exit');
    // SIGTERM ends it without its finally: the lock is left behind, and taken over.
    expect(await withFileLock(path, async () => 'ran')).toBe('ran');
  });

  it("waits for a live holder whose lock names this process's pid (a process in another PID namespace), until it is gone", async () => {
    const path = join(directory, 'tokens.json');
    const holder = await processHoldingLock(path);
    // A sibling container on a shared volume: same hostname, and its pid happens to be ours.
    const { id } = JSON.parse(await readFile(`${path}.lock`, 'utf8'));
    await writeFile(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), id, started: 0 }));
    await expect(withFileLock(path, async () => 'stolen', { timeoutMs: 1_500 })).rejects.toMatchObject({
      code: PrivateFileErrorCode.lockTimeout,
    });
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const elapsed = await elapsedOf(() => withFileLock(path, async () => undefined));
    expect(elapsed).toBeLessThan(1_500);
  });

  it('does not take over a lock held by another thread of this process', async () => {
    const path = join(directory, 'tokens.json');
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       import('@ml-platform/core/private-file').then(({ withFileLock }) =>
         withFileLock(workerData, () => new Promise((release) => {
           parentPort.postMessage('held');
           parentPort.once('message', release);
         })));`,
      { eval: true, workerData: path },
    );
    try {
      await once(worker, 'message');
      await expect(withFileLock(path, async () => 'stolen', { timeoutMs: 1_500 })).rejects.toMatchObject({
        code: PrivateFileErrorCode.lockTimeout,
      });
      const after = withFileLock(path, async () => 'after');
      worker.postMessage('release');
      expect(await after).toBe('after');
    } finally {
      await worker.terminate();
    }
  });

  it('serializes holders within one process and keeps going after one fails', async () => {
    const path = join(directory, 'tokens.json');
    const order: string[] = [];
    const first = withFileLock(path, async () => {
      order.push('first in');
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('first out');
      throw new Error('first failed');
    });
    const second = withFileLock(path, async () => {
      order.push('second');
      return 2;
    });
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(order).toEqual(['first in', 'first out', 'second']);
  });
});

describe('what a private file may be', () => {
  it('refuses a FIFO at the path at once, instead of waiting for a writer', async () => {
    const path = join(directory, 'session.json');
    spawnSync('mkfifo', [path]);
    await expect(readPrivateFile(path, { holds: 'a login session' })).rejects.toMatchObject({
      code: PrivateFileErrorCode.notAFile,
    });
  });

  it('refuses a file of more than 1 MiB without reading it to the end', async () => {
    const path = join(directory, 'tokens.json');
    await writeFile(path, Buffer.alloc(1024 * 1024 + 1, 0x20), { mode: 0o600 });
    await expect(readPrivateFile(path, { holds: 'OIDC tokens', field: 'tokenCache' })).rejects.toMatchObject({
      code: PrivateFileErrorCode.tooLarge,
      message: expect.stringContaining(`${path} (tokenCache) holds more than 1048576 bytes`),
    });
  });

  it('refuses to read or write in a directory others can write to, naming it and its mode', async () => {
    const shared = join(directory, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o777);
    const path = join(shared, 'session.json');
    // Started one at a time: a second promise rejecting while the first is awaited would go unhandled.
    for (const attempt of [
      () => writePrivateFile(path, 'x', { field: 'sessionFile' }),
      () => readPrivateFile(path),
    ]) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PrivateFileError);
      expect(error).toMatchObject({ code: 'PRIVATE_FILE_EXPOSED', path: shared, mode: 0o777 });
      expect((error as Error).message).toContain('(mode 777)');
    }
    expect(await readdir(shared)).toEqual([]);
    await chmod(shared, 0o1777); // /tmp's mode: the sticky bit does not stop others from planting the file first.
    await expect(writePrivateFile(path, 'x')).rejects.toMatchObject({
      code: 'PRIVATE_FILE_EXPOSED',
      mode: 0o1777,
    });
  });
});
