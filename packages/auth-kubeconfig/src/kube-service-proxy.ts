import { parseYaml } from '@ml-platform/core/yaml';
import { loadKubeconfig } from './load/load-kubeconfig.js';
import { kubeconfigYamlParser } from './load/parse-kubeconfig-yaml.js';
import {
  type KubeServiceProxyClientOptions,
  type KubeServiceProxyOptions,
  serviceProxyClientOptions,
  serviceProxyTarget,
} from './service-proxy-target.js';

/**
 * Reaches a Service through the Kubernetes API server's proxy, with nothing
 * but kubectl access, the way `kfp.Client(kube_context=...)` reaches
 * `ml-pipeline` (`/api/v1/namespaces/{ns}/services/{scheme:}{name}:{port}/proxy/`).
 * The API server authenticates the kubeconfig's user, checks that RBAC lets
 * them `get`/`create` `services/proxy`, and forwards the request.
 *
 * @example
 * const kfp = createKfpV2Client({
 *   ...kubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' }),
 * });
 */
export function kubeServiceProxy(options: KubeServiceProxyOptions): KubeServiceProxyClientOptions {
  const target = serviceProxyTarget(options, 'kubeServiceProxy');
  const config = loadKubeconfig({ ...target.checked, env: target.auth.env }, kubeconfigYamlParser(parseYaml));
  return serviceProxyClientOptions(config, target);
}
