import {
  chmodSync,
  mkdtempSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProjectedVolume {
  /** The volume's mount directory, e.g. what `/var/run/secrets/kubeflow/pipelines` is in a pod. */
  readonly dir: string;
  /** `<dir>/token`, the path a pod reads a projected ServiceAccount token from. */
  readonly tokenPath: string;
  /** Replaces the volume's files the way the kubelet does, synchronously (so atomically for this process). */
  project(files: Record<string, string>): void;
  /** Deletes the directory. */
  remove(): Promise<void>;
}

export interface ProjectedVolumeOptions {
  /** Mode of each file, as the volume's `defaultMode`. Default 0644, the kubelet's. */
  fileMode?: number;
  /** Start of the temporary directory's name. Default `projected-volume-`. */
  prefix?: string;
}

/**
 * A directory laid out and updated like a projected volume, following
 * kubernetes pkg/volume/util/atomic_writer.go (`AtomicWriter.Write`):
 * the files live in a timestamped directory `..<yyyy_mm_dd_hh_mm_ss>.<random>`
 * (mode 0755); `..data` is a symlink to it; each visible name is a symlink
 * `name -> ..data/name`. An update writes a new timestamped directory, points
 * a new symlink `..data_tmp` at it, renames `..data_tmp` over `..data` (the
 * atomic step), then deletes the previous timestamped directory.
 * The directory and its first files exist when this returns.
 */
export function createProjectedVolume(
  files: Record<string, string>,
  options: ProjectedVolumeOptions = {},
): ProjectedVolume {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'projected-volume-'));
  const fileMode = options.fileMode ?? 0o644;
  const project = (next: Record<string, string>) => {
    const dataLink = join(dir, '..data');
    let previous: string | undefined;
    try {
      previous = readlinkSync(dataLink);
    } catch {
      previous = undefined;
    }
    const stamp = new Date().toISOString().replace(/[-T:]/g, '_').replace(/\..*$/, '');
    const timestamped = mkdtempSync(join(dir, `..${stamp}.`));
    chmodSync(timestamped, 0o755);
    for (const [name, content] of Object.entries(next)) {
      writeFileSync(join(timestamped, name), content, { mode: fileMode });
      try {
        symlinkSync(join('..data', name), join(dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const tmpLink = join(dir, '..data_tmp');
    symlinkSync(timestamped.slice(dir.length + 1), tmpLink);
    renameSync(tmpLink, dataLink);
    if (previous) rmSync(join(dir, previous), { recursive: true, force: true });
  };
  project(files);
  return {
    dir,
    tokenPath: join(dir, 'token'),
    project,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
