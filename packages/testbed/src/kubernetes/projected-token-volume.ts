import { createProjectedVolume } from './projected-volume.js';

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
 * it (pkg/volume/util/atomic_writer.go, `AtomicWriter.Write`, see
 * `createProjectedVolume`): `token` links to `..data/token`, `..data` to a
 * timestamped directory. A rotation projects a newly minted token, so renaming
 * `..data_tmp` over `..data` is the one step a reader can observe.
 */
export function createProjectedTokenVolume(options: ProjectedTokenVolumeOptions): ProjectedTokenVolume {
  const volume = createProjectedVolume(
    { token: options.mintToken() },
    { fileMode: 0o600, prefix: 'ml-platform-sa-token-' },
  );
  let rotations = 0;
  const rotate = () => {
    volume.project({ token: options.mintToken() });
    rotations += 1;
  };

  const timer =
    options.rotateEveryMs === undefined
      ? undefined
      : setInterval(rotate, Math.max(options.rotateEveryMs, 50));
  // A forgotten volume must not keep the process alive.
  timer?.unref();

  return {
    dir: volume.dir,
    tokenPath: volume.tokenPath,
    get rotations() {
      return rotations;
    },
    rotate,
    async stop() {
      clearInterval(timer);
      await volume.remove();
    },
  };
}
