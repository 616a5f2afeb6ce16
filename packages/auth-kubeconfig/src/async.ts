/**
 * The asynchronous entry points of `@ml-platform/auth-kubeconfig`:
 * `loadKubeconfigAuth` and `loadKubeServiceProxy`, the same as
 * `kubeconfigAuth` and `kubeServiceProxy` but awaited, so that the YAML parser
 * loads only for a kubeconfig that is not JSON. A separate entry point, so a
 * program importing only these never has the synchronous ones (and their YAML
 * parser) in its startup bundle.
 *
 * @module @ml-platform/auth-kubeconfig/async
 */
export { loadKubeconfigAuth, loadKubeServiceProxy } from './async-entry-points.js';
