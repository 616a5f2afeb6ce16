/**
 * kubeconfig auth for `@ml-platform` clients (tokens, token files, client certificates, exec plugins) and the Kubernetes API server's service proxy. Usage, options and errors: the package README.
 *
 * @module @ml-platform/auth-kubeconfig
 */
export type { CredentialSource, KubeconfigAuth } from './auth-for-context.js';
export {
  KubeconfigAuthError,
  KubeconfigAuthErrorCode,
  KubeconfigError,
  KubeconfigErrorCode,
  type KubeconfigLocation,
} from './errors.js';
export { kubeServiceProxy } from './kube-service-proxy.js';
export { kubeconfigAuth } from './kubeconfig-auth.js';
export type { KubeconfigAuthOptions } from './options.js';
export type { KubeServiceProxyClientOptions, KubeServiceProxyOptions } from './service-proxy-target.js';
export type { KubeconfigTls } from './tls-for.js';
