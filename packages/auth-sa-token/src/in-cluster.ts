import { InClusterFileError, InClusterFileErrorCode } from './errors.js';
import { FileReadFailure, readFileSnapshot } from './read-file-snapshot.js';

/** The pod's namespace, which Kubernetes mounts into every pod beside the standard token. */
export const IN_CLUSTER_NAMESPACE_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** The cluster's CA bundle (from the `kube-root-ca.crt` ConfigMap), mounted beside the standard token. */
export const IN_CLUSTER_CA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

/** A namespace name is an RFC 1123 label. */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface InClusterFileOptions {
  /** Read this file instead of the in-cluster default. */
  path?: string;
}

/**
 * The namespace the pod runs in, read (and trimmed) from
 * `/var/run/secrets/kubernetes.io/serviceaccount/namespace`: the namespace
 * to list and create KFP experiments and runs in when none is given.
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

/**
 * The cluster's CA bundle (PEM) from
 * `/var/run/secrets/kubernetes.io/serviceaccount/ca.crt`, for a client's
 * `tls.ca` when the endpoint is HTTPS with a certificate issued by the
 * cluster's CA (the Kubernetes API server, or a service whose certificate
 * the cluster signed).
 */
export async function readInClusterCa(options: InClusterFileOptions = {}): Promise<string> {
  const path = options.path ?? IN_CLUSTER_CA_PATH;
  const pem = await readInClusterFile(path, 4 * 1024 * 1024, 'CA bundle');
  if (pem.trim() === '') {
    throw new InClusterFileError(
      InClusterFileErrorCode.empty,
      path,
      `The CA bundle ${path} is empty. Check the path, or pass tls.ca explicitly.`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InClusterFileError(
      InClusterFileErrorCode.caNotPem,
      path,
      `The CA bundle ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----). Is the path right?`,
    );
  }
  return pem;
}

async function readInClusterFile(path: string, maxBytes: number, what: string): Promise<string> {
  try {
    return (await readFileSnapshot(path, maxBytes)).text;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const cause = error instanceof FileReadFailure ? error.cause : error;
    const inCluster =
      'Kubernetes mounts it into pods whose ServiceAccount token is automounted (automountServiceAccountToken); ' +
      'outside a cluster, pass the value explicitly.';
    if (error instanceof FileReadFailure && error.kind === 'missing') {
      throw new InClusterFileError(
        InClusterFileErrorCode.missing,
        path,
        `No ${what} file at ${path}: ${reason}. ${inCluster}`,
        {
          cause,
        },
      );
    }
    throw new InClusterFileError(
      InClusterFileErrorCode.unreadable,
      path,
      `Cannot read the ${what} file ${path}: ${reason}.`,
      {
        cause,
      },
    );
  }
}
