import { authFor, type KubeconfigAuth } from './auth-for-context.js';
import { loadKubeconfigLazily } from './load/load-kubeconfig-lazily.js';
import { checkOptions, type KubeconfigAuthOptions, resolveAuthOptions } from './options.js';
import {
  type KubeServiceProxyClientOptions,
  type KubeServiceProxyOptions,
  serviceProxyClientOptions,
  serviceProxyTarget,
} from './service-proxy-target.js';

/**
 * `kubeconfigAuth`, for programs that care what they load at startup: the
 * same options, result and errors (rejected instead of thrown), but the YAML
 * parser is imported only when a kubeconfig file is not JSON. Options are
 * checked before anything is read.
 *
 * @example
 * const auth = await loadKubeconfigAuth({ context: 'prod' });
 * const kfp = createKfpV2Client({ baseUrl: 'https://kfp.example.com/pipeline', auth, tls: auth.tls });
 */
export async function loadKubeconfigAuth(options?: KubeconfigAuthOptions): Promise<KubeconfigAuth> {
  const checked = checkOptions(options, []) as KubeconfigAuthOptions;
  const resolvedOptions = resolveAuthOptions(checked);
  return authFor(await loadKubeconfigLazily({ ...checked, env: resolvedOptions.env }), resolvedOptions);
}

/**
 * `kubeServiceProxy`, for programs that care what they load at startup: the
 * same options, client options and errors (rejected instead of thrown), but
 * the YAML parser is imported only when a kubeconfig file is not JSON.
 *
 * @example
 * const kfp = createKfpV2Client({
 *   ...(await loadKubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' })),
 * });
 */
export async function loadKubeServiceProxy(
  options: KubeServiceProxyOptions,
): Promise<KubeServiceProxyClientOptions> {
  const target = serviceProxyTarget(options, 'loadKubeServiceProxy');
  const config = await loadKubeconfigLazily({ ...target.checked, env: target.auth.env });
  return serviceProxyClientOptions(config, target);
}
