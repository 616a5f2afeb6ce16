/**
 * kubeconfig auth for `@ml-platform` clients (tokens, token files, client certificates, exec plugins) and the Kubernetes API server's service proxy. Usage, options and errors: the package README.
 *
 * @module @ml-platform/auth-kubeconfig
 */
export {
  KubeconfigAuthError,
  KubeconfigAuthErrorCode,
  KubeconfigError,
  KubeconfigErrorCode,
  type KubeconfigLocation,
} from './errors.js';
export {
  type KubeServiceProxyClientOptions,
  type KubeServiceProxyOptions,
  kubeServiceProxy,
} from './kube-service-proxy.js';
export { type CredentialSource, type KubeconfigAuth, kubeconfigAuth } from './kubeconfig-auth.js';
export type { KubeconfigAuthOptions } from './options.js';
export type { KubeconfigTls } from './tls-for.js';
