/**
 * `@ml-platform/core/in-cluster` (Node only): the files Kubernetes mounts into a pod (the
 * cluster CA bundle, the namespace) and the snapshot reads that stay correct
 * while the kubelet swaps them, through node:fs. Kept out of the main entry so
 * browser bundles of core never see node:fs.
 *
 * @module @ml-platform/core/in-cluster
 */
export { IN_CLUSTER_CA_PATH, readInClusterCa } from './ca.js';
export { InClusterFileError, InClusterFileErrorCode } from './errors.js';
export { fileIdentity } from './file-identity.js';
export { IN_CLUSTER_NAMESPACE_PATH, type InClusterFileOptions, inClusterNamespace } from './namespace.js';
export {
  FileReadFailure,
  type FileReadFailureKind,
  type FileSnapshot,
  readFileSnapshot,
} from './read-file-snapshot.js';
