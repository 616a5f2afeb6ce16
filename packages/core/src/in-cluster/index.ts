// Node-only: the files Kubernetes mounts into a pod, read through node:fs.
// Kept out of the main entry so browser bundles of core never see node:fs.
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
