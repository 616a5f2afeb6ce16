import { randomUUID } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLockOptions {
  /** A lock older than this is taken to be left by a crashed holder. Default 60 s (longer than a token call). */
  staleMs?: number;
  /** Give up waiting after this long. Default 90 s. */
  timeoutMs?: number;
}

/** The lock itself could not be taken (as opposed to a failure of the work done under it). */
export class FileLockError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  id: string;
}

/** Lock holders in this process, per lock path: they queue here instead of polling the file. */
const localQueues = new Map<string, Promise<unknown>>();

function processIsGone(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.id === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the lock at `path` if its holder crashed (its process is gone) or it is older than `staleMs`. */
async function breakIfStale(path: string, staleMs: number): Promise<void> {
  const [owner, info] = await Promise.all([readOwner(path), stat(path).catch(() => undefined)]);
  if (!info) return;
  const abandoned = owner ? processIsGone(owner) : false;
  if (abandoned || Date.now() - info.mtimeMs > staleMs) {
    // Two waiters may both judge the same lock stale; only crashed holders make locks stale, so the window is tiny.
    await unlink(path).catch(() => undefined);
  }
}

async function acquire(path: string, staleMs: number, timeoutMs: number): Promise<LockOwner> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), id: randomUUID() };
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      // O_CREAT | O_EXCL: exactly one process creates the file; everyone else gets EEXIST.
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      return owner;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new FileLockError(`cannot create the lock file ${path}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    if (attempt % 20 === 0) await breakIfStale(path, staleMs);
    if (Date.now() > deadline) {
      throw new FileLockError(`the lock file ${path} stayed taken for ${Math.round(timeoutMs / 1000)} s`);
    }
    await sleep(5 + Math.random() * 20);
  }
}

async function release(path: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(path);
  if (current?.id === owner.id) await unlink(path).catch(() => undefined);
}

/**
 * Runs `critical` while holding an exclusive lock file next to the data it
 * guards, across processes (O_EXCL create) and within this process (a queue).
 * A lock left by a crashed process is broken after its process is seen gone
 * or after `staleMs`.
 */
export async function withFileLock<T>(
  lockPath: string,
  critical: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const staleMs = options.staleMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 90_000;
  const before = localQueues.get(lockPath) ?? Promise.resolve();
  const run = before
    .catch(() => undefined)
    .then(async () => {
      const owner = await acquire(lockPath, staleMs, timeoutMs);
      try {
        return await critical();
      } finally {
        await release(lockPath, owner);
      }
    });
  const settled = run.catch(() => undefined);
  localQueues.set(lockPath, settled);
  void settled.then(() => {
    if (localQueues.get(lockPath) === settled) localQueues.delete(lockPath);
  });
  return run;
}
