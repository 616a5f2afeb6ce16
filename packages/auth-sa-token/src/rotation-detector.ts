import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileIdentity } from '@ml-platform/core/in-cluster';

/** What the detector needs to know about the token currently in use. */
export interface ReadStamp {
  /** The watch generation when the file was read. */
  readonly generation: number;
  /** The identity of the file the token was read from. */
  readonly identity: string;
}

export interface RotationDetectorOptions<S extends ReadStamp> {
  path: string;
  /** Watch the token's directory (inotify on Linux). */
  watch: boolean;
  /** Compare the file's identity with `stat` at most this often (the fallback where watching fails). */
  checkIntervalMs: number;
  /** Called with a read stamp whose file has been replaced since. */
  onStale: (stale: S) => void;
}

export interface RotationDetector<S extends ReadStamp> {
  /**
   * Calls `onStale(current)` if the file changed since `current` was read. Free
   * on most requests; returns a promise (shared by concurrent callers) when a
   * `stat` is due.
   */
  check(current: S | undefined): Promise<void> | undefined;
  /** Call right before reading the file: starts the watch and returns the generation to stamp the read with. */
  beforeRead(): number;
  /** Call after a read: a read is as good as a `stat`, so the next one is not due before the interval. */
  afterRead(): void;
  /** Stops watching; later checks use `stat` only. */
  close(): void;
}

/**
 * Notices a new token without reading the file per request. The kubelet
 * replaces a projected volume's files by renaming a `..data` symlink in the
 * volume's directory to a new timestamped directory (kubernetes
 * pkg/volume/util/atomic_writer.go, whose doc says consumers can watch
 * `..data` with inotify). So:
 * - a watch on the directory bumps a generation counter on any event; a
 *   token read at an older generation is stale. Events are coalesced for free:
 *   a burst of them costs one re-read, by the next request;
 * - where watching is impossible (no inotify, watch limit reached, network
 *   file systems), a `stat` of the path at most every `checkIntervalMs`
 *   compares the file's identity (device, inode, size, mtime, ctime);
 * - the watch is not persistent, so it never keeps the process alive.
 */
export function createRotationDetector<S extends ReadStamp>(
  options: RotationDetectorOptions<S>,
): RotationDetector<S> {
  const { path, checkIntervalMs, onStale } = options;
  let generation = 0;
  let watcher: FSWatcher | undefined;
  let watching = options.watch;
  let nextStatAt = 0;
  let statting: Promise<void> | undefined;

  const stopWatching = () => {
    watcher?.close();
    watcher = undefined;
  };

  const startWatching = () => {
    if (!watching || watcher) return;
    try {
      watcher = watch(dirname(path), { persistent: false }, () => {
        generation += 1;
      });
      watcher.on('error', () => {
        // E.g. the directory was removed. Count it as a change; the next read restarts the watch.
        generation += 1;
        stopWatching();
      });
    } catch {
      // The directory is missing (the read will say so) or inotify is unavailable: `stat` checks still run.
      watcher = undefined;
    }
  };

  const statCheck = (current: S): Promise<void> => {
    statting ??= stat(path)
      .then(
        (stats) => {
          if (fileIdentity(stats) !== current.identity) onStale(current);
        },
        () => {
          // Gone or unreadable right now: keep the token in hand, which the server may still accept;
          // expiry and a 401 both lead to a re-read that reports the problem.
        },
      )
      .finally(() => {
        statting = undefined;
        nextStatAt = Date.now() + checkIntervalMs;
      });
    return statting;
  };

  return {
    check(current) {
      if (!current) return undefined;
      if (current.generation !== generation) {
        onStale(current);
        return undefined;
      }
      if (Date.now() < nextStatAt) return undefined;
      return statCheck(current);
    },
    beforeRead() {
      startWatching();
      return generation;
    },
    afterRead() {
      nextStatAt = Date.now() + checkIntervalMs;
    },
    close() {
      watching = false;
      stopWatching();
    },
  };
}
