/**
 * Kubernetes projected ServiceAccount token auth for `@ml-platform` clients, correct under token rotation. Usage, options and errors: the package README.
 *
 * @module @ml-platform/auth-sa-token
 */
export { ServiceAccountTokenError, ServiceAccountTokenErrorCode } from './errors.js';
export {
  IN_CLUSTER_CA_PATH,
  IN_CLUSTER_NAMESPACE_PATH,
  InClusterFileError,
  InClusterFileErrorCode,
  type InClusterFileOptions,
  inClusterNamespace,
  readInClusterCa,
} from './in-cluster.js';
export type { ServiceAccountTokenAuthOptions } from './options.js';
export {
  type ServiceAccountTokenAuth,
  type ServiceAccountTokenCredential,
  serviceAccountTokenAuth,
} from './service-account-token-auth.js';
export {
  KF_PIPELINES_SA_TOKEN_PATH_ENV,
  KFP_SA_TOKEN_PATH,
  KUBERNETES_SA_TOKEN_PATH,
  type TokenSource,
} from './token-location.js';
