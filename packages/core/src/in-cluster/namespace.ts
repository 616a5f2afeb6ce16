import { InClusterFileError, InClusterFileErrorCode } from './errors.js';
import { readInClusterFile } from './read-in-cluster-file.js';

/** The pod's namespace, which Kubernetes mounts into every pod beside the standard token. */
export const IN_CLUSTER_NAMESPACE_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** A namespace name is an RFC 1123 label. */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Where to read an in-cluster file from, for tests or unusual mounts. */
export interface InClusterFileOptions {
  /** Read this file instead of the in-cluster default. */
  path?: string | undefined;
}

/**
 * The namespace the pod runs in, read (and trimmed) from
 * `/var/run/secrets/kubernetes.io/serviceaccount/namespace`. The one reader
 * of that file: the auth plugins and the KFP namespace resolution use it, so a
 * file that is empty or holds no namespace name is refused the same way
 * everywhere (`IN_CLUSTER_FILE_MISSING` when there is no file, which callers
 * that merely probe for a pod treat as "not in a pod").
 */
export async function inClusterNamespace(options: InClusterFileOptions = {}): Promise<string> {
  const path = options.path ?? IN_CLUSTER_NAMESPACE_PATH;
  const namespace = (await readInClusterFile(path, 4096, 'namespace')).trim();
  if (namespace === '') {
    throw new InClusterFileError(
      InClusterFileErrorCode.empty,
      path,
      `The namespace file ${path} is empty. Pass the namespace explicitly.`,
    );
  }
  if (!NAMESPACE_NAME.test(namespace)) {
    throw new InClusterFileError(
      InClusterFileErrorCode.invalidNamespace,
      path,
      `The namespace file ${path} does not hold a Kubernetes namespace name (lower-case letters, digits and ` +
        `'-', at most 63). Is the path right? Pass the namespace explicitly instead.`,
    );
  }
  return namespace;
}
