import { InClusterFileError, InClusterFileErrorCode } from './errors.js';
import { FileReadFailure, readFileSnapshot } from './read-file-snapshot.js';

/** Reads a file the kubelet mounts, turning every failure into an {@link InClusterFileError} naming it. */
export async function readInClusterFile(path: string, maxBytes: number, what: string): Promise<string> {
  try {
    return (await readFileSnapshot(path, maxBytes)).text;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const cause = error instanceof FileReadFailure ? error.cause : error;
    if (error instanceof FileReadFailure && error.kind === 'missing') {
      throw new InClusterFileError(
        InClusterFileErrorCode.missing,
        path,
        `No ${what} file at ${path}: ${reason}. Kubernetes mounts it into pods whose ServiceAccount token is ` +
          'automounted (automountServiceAccountToken); outside a cluster, pass the value explicitly.',
        { cause },
      );
    }
    throw new InClusterFileError(
      InClusterFileErrorCode.unreadable,
      path,
      `Cannot read the ${what} file ${path}: ${reason}.`,
      { cause },
    );
  }
}
