import { MAX_NAMED_FILE_BYTES } from '../files/named-file-options.js';
import { InClusterFileError, InClusterFileErrorCode } from './errors.js';
import type { InClusterFileOptions } from './namespace.js';
import { readInClusterFile } from './read-in-cluster-file.js';

/** The cluster's CA bundle (from the `kube-root-ca.crt` ConfigMap), mounted beside the standard token. */
export const IN_CLUSTER_CA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

/**
 * The cluster's CA bundle (PEM) from
 * `/var/run/secrets/kubernetes.io/serviceaccount/ca.crt`, for a client's
 * `tls.ca` when the endpoint is HTTPS with a certificate issued by the
 * cluster's CA (the Kubernetes API server, or a service whose certificate
 * the cluster signed).
 */
export async function readInClusterCa(options: InClusterFileOptions = {}): Promise<string> {
  const path = options.path ?? IN_CLUSTER_CA_PATH;
  const pem = await readInClusterFile(path, MAX_NAMED_FILE_BYTES, 'CA bundle');
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
