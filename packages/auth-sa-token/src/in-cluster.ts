// The in-cluster files are read by core's one reader; re-exported here because
// this plugin's users reach for the namespace and CA beside the token.
export {
  IN_CLUSTER_CA_PATH,
  IN_CLUSTER_NAMESPACE_PATH,
  InClusterFileError,
  InClusterFileErrorCode,
  type InClusterFileOptions,
  inClusterNamespace,
  readInClusterCa,
} from '@ml-platform/core/in-cluster';
