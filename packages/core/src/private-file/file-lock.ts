import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrivateFileError, PrivateFileErrorCode } from './errors.js';

/**
 * The options of `withFileLock`: when a lock left behind is taken over, and how long to wait for
 * one held.
 */
export interface FileLockOptions {
  /**
   * Holders touch their lock file every 250 ms; one untouched this long was
   * left by a holder that is hung or gone, and is taken over whoever it names.
   * Default 60 s. A lock whose holder is known to be gone is taken over sooner
   * (see {@link withFileLock}).
   */
  staleMs?: number | undefined;
  /** Give up waiting after this long, with `PRIVATE_FILE_LOCK_TIMEOUT`. Default 90 s. */
  timeoutMs?: number | undefined;
}

/** What a lock file records about its holder. */
interface LockOwner {
  pid: number;
  host: string;
  id: string;
  /** When the holder's process started (epoch ms): tells this process from an earlier one with its pid. */
  started?: number;
}

/** A lock file with no readable owner after this long was left by a holder that died while creating it. */
const OWNERLESS_GRACE_MS = 1_000;
/** How often a holder touches its lock file, to show it is still running. */
const HEARTBEAT_MS = 250;
/** Four missed heartbeats: long enough for a busy event loop, short enough to take over within a second. */
const SILENT_MS = 1_000;
const POLL_MIN_MS = 10;
const POLL_SPREAD_MS = 30;

/**
 * Ids of the locks held through this copy of core, and when this process
 * started (the same in every worker thread). A lock file recording this
 * process's pid is this process's when it is one of these ids or records this
 * start time (another thread or another copy of core holds it); otherwise
 * another process with this pid wrote it: an earlier one (PID 1 in a
 * restarted container), taken over once its heartbeat has stopped, or one in
 * another PID namespace, whose heartbeat goes on.
 */
const HELD = new Set<string>();
const PROCESS_STARTED = Math.round(Date.now() - process.uptime() * 1000);
/** Clock adjustments move the computed start time a little; a restarted process starts seconds later. */
const SAME_START_TOLERANCE_MS = 2_000;

function isThisProcess(owner: LockOwner): boolean {
  if (owner.pid !== process.pid) return false;
  if (HELD.has(owner.id)) return true;
  return owner.started !== undefined && Math.abs(owner.started - PROCESS_STARTED) < SAME_START_TOLERANCE_MS;
}

/** Waiters in this process, per lock path: they queue here instead of polling the file. */
const localQueues = new Map<string, Promise<unknown>>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner?.pid === 'number' && typeof owner.id === 'string' && typeof owner.host === 'string'
      ? owner
      : undefined;
  } catch {
    return undefined;
  }
}

/** Why the lock at `path` may be taken over, or undefined while its holder may still be working. */
async function abandonment(path: string, staleMs: number): Promise<LockOwner | 'ownerless' | undefined> {
  const [owner, info] = await Promise.all([readOwner(path), stat(path).catch(() => undefined)]);
  if (!info) return undefined; // Released meanwhile: the next create attempt succeeds.
  const age = Date.now() - info.mtimeMs;
  if (!owner) return age > OWNERLESS_GRACE_MS ? 'ownerless' : undefined;
  // Another host's pids mean nothing here (a lock on a shared volume): only its heartbeat can tell.
  if (owner.host === hostname()) {
    if (owner.pid !== process.pid) {
      if (!isAlive(owner.pid)) return owner;
    } else if (!isThisProcess(owner) && age > SILENT_MS) {
      // This pid, another process: an earlier one (a restarted container's PID 1), or one in another
      // PID namespace with the same hostname (a sibling container on a shared volume). The first
      // has stopped touching the lock; the second has not, and is waited on.
      return owner;
    }
  }
  return age > staleMs ? owner : undefined;
}

async function takeOver(path: string, staleMs: number): Promise<void> {
  const abandoned = await abandonment(path, staleMs);
  if (!abandoned) return;
  // Two waiters may judge the same lock abandoned; re-reading just before the unlink keeps the
  // window in which one could remove the other's fresh lock to a few microseconds.
  const now = await readOwner(path);
  if (abandoned === 'ownerless' ? now === undefined : now?.id === abandoned.id) {
    await unlink(path).catch(() => undefined);
  }
}

async function acquire(path: string, staleMs: number, timeoutMs: number): Promise<LockOwner> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), id: randomUUID(), started: PROCESS_STARTED };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // The lock sits beside the private file, whose directory is created as writePrivateFile would.
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // O_CREAT | O_EXCL: exactly one process creates the file; everyone else gets EEXIST.
      const handle = await open(path, 'wx', 0o600);
      HELD.add(owner.id);
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      return owner;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        HELD.delete(owner.id);
        throw new PrivateFileError(
          PrivateFileErrorCode.io,
          path,
          `Cannot create the lock file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
          { cause: error },
        );
      }
    }
    await takeOver(path, staleMs);
    if (Date.now() > deadline) {
      throw new PrivateFileError(
        PrivateFileErrorCode.lockTimeout,
        path,
        `The lock file ${path} stayed taken for ${Math.round(timeoutMs / 1000)} s by a process that is still running.`,
      );
    }
    await sleep(POLL_MIN_MS + Math.random() * POLL_SPREAD_MS);
  }
}

async function release(path: string, owner: LockOwner): Promise<void> {
  try {
    const current = await readOwner(path);
    if (current?.id === owner.id) await unlink(path).catch(() => undefined);
  } finally {
    HELD.delete(owner.id);
  }
}

/**
 * Runs `critical` while holding `<path>.lock` (its directory created 0700
 * when missing), exclusive across processes (O_EXCL create) and within this
 * process (a queue). The holder touches the lock every 250 ms. A lock is
 * taken over when its holder is gone: at once when it names a pid that is not
 * running on this host; within a second when it names this process's own
 * pid but another process (an earlier one: PID 1 in a restarted container)
 * that has stopped touching it; and after `staleMs` without a touch
 * otherwise (a hung holder, another host). A live holder is waited on.
 */
export async function withFileLock<T>(
  path: string,
  critical: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const lockPath = `${path}.lock`;
  const staleMs = options.staleMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 90_000;
  const before = localQueues.get(lockPath) ?? Promise.resolve();
  const run = before
    .catch(() => undefined)
    .then(async () => {
      const owner = await acquire(lockPath, staleMs, timeoutMs);
      const heartbeat = setInterval(() => {
        const now = new Date();
        utimes(lockPath, now, now).catch(() => undefined);
      }, HEARTBEAT_MS);
      heartbeat.unref();
      try {
        return await critical();
      } finally {
        clearInterval(heartbeat);
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
