import { mkdtempSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProjectedTokenVolume {
  /** The mount directory, what `/var/run/secrets/kubeflow/pipelines` is in a pod. */
  readonly dir: string;
  /** `<dir>/token`: what `KF_PIPELINES_SA_TOKEN_PATH` points at. */
  readonly tokenPath: string;
  /** How many times the token has been replaced since the volume was created. */
  readonly rotations: number;
  /** Replaces the token now, as the kubelet does when the current one reaches 80% of its lifetime. */
  rotate(): void;
  /** Stops rotating and deletes the directory. */
  stop(): Promise<void>;
}

export interface ProjectedTokenVolumeOptions {
  /** Mints the token to write (a TokenRequest to the API server). Called once per rotation. */
  mintToken: () => string;
  /**
   * Replace the token this often, ms. The kubelet refreshes at 80% of the token's
   * lifetime (at least 10 minutes); a test bed shortens that so rotation is seen
   * within a demo. Default: never on a timer, only through `rotate()`.
   */
  rotateEveryMs?: number;
}

/**
 * A projected ServiceAccount token volume, written the way the kubelet writes
 * it (pkg/volume/util/atomic_writer.go, `AtomicWriter.Write`): the file lives in
 * a timestamped directory `..<yyyy_mm_dd_hh_mm_ss>.<random>`, `..data` links to
 * that directory and `token` links to `..data/token`. A rotation writes a new
 * timestamped directory, points `..data_tmp` at it, renames `..data_tmp` over
 * `..data` (the one atomic step a reader can observe) and deletes the old one.
 */
export function createProjectedTokenVolume(options: ProjectedTokenVolumeOptions): ProjectedTokenVolume {
  const dir = mkdtempSync(join(tmpdir(), 'ml-platform-sa-token-'));
  let rotations = -1;

  const project = () => {
    const dataLink = join(dir, '..data');
    let previous: string | undefined;
    try {
      previous = readlinkSync(dataLink);
    } catch {
      previous = undefined;
    }
    const stamp = new Date().toISOString().replace(/[-T:]/g, '_').replace(/\..*$/, '');
    const timestamped = mkdtempSync(join(dir, `..${stamp}.`));
    writeFileSync(join(timestamped, 'token'), options.mintToken(), { mode: 0o600 });
    if (previous === undefined) symlinkSync(join('..data', 'token'), join(dir, 'token'));
    const tmpLink = join(dir, '..data_tmp');
    symlinkSync(timestamped.slice(dir.length + 1), tmpLink);
    renameSync(tmpLink, dataLink);
    if (previous) rmSync(join(dir, previous), { recursive: true, force: true });
    rotations += 1;
  };

  project();
  const timer =
    options.rotateEveryMs === undefined
      ? undefined
      : setInterval(project, Math.max(options.rotateEveryMs, 50));
  // A forgotten volume must not keep the process alive.
  timer?.unref();

  return {
    dir,
    tokenPath: join(dir, 'token'),
    get rotations() {
      return rotations;
    },
    rotate: project,
    async stop() {
      clearInterval(timer);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
