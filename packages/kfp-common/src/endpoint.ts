import { ConfigError, ConfigErrorCode } from '@ml-platform/core';
import { processEnv } from './process-env.js';

/** In-cluster address of the Pipelines UI service, which proxies the API. */
export const KFP_IN_CLUSTER_ENDPOINT = 'http://ml-pipeline-ui.kubeflow.svc.cluster.local';

/**
 * Where the KFP API is when no `baseUrl` is given, in the order kfp.Client
 * looks: `KF_PIPELINES_ENDPOINT`; inside a pod, the `ml-pipeline-ui` service's
 * injected `ML_PIPELINE_UI_SERVICE_HOST`/`_PORT`; any other pod (Kubernetes sets
 * `KUBERNETES_SERVICE_HOST` in every container), the service's cluster DNS name.
 * (A client made with no `baseUrl` goes on to the kubeconfig; this function,
 * which must answer at once, does not.)
 */
export function resolveKfpEndpoint(env: Record<string, string | undefined> = processEnv()): string {
  const found = environmentEndpoint(env);
  if (found) return found.baseUrl;
  throw new ConfigError(
    ConfigErrorCode.noBaseUrl,
    'No Kubeflow Pipelines endpoint: pass baseUrl (e.g. https://<kubeflow-host>/pipeline) or set KF_PIPELINES_ENDPOINT. ' +
      'Inside a cluster it is found from ML_PIPELINE_UI_SERVICE_HOST/_PORT or the ml-pipeline-ui service DNS name.',
  );
}

/** The first two steps of the lookup: the variable, then the pod's environment. */
export function environmentEndpoint(
  env: Record<string, string | undefined>,
): { source: 'KF_PIPELINES_ENDPOINT' | 'in-cluster'; baseUrl: string } | undefined {
  const explicit = env.KF_PIPELINES_ENDPOINT?.trim();
  if (explicit) return { source: 'KF_PIPELINES_ENDPOINT', baseUrl: explicit };
  const host = env.ML_PIPELINE_UI_SERVICE_HOST?.trim();
  if (host) {
    const port = env.ML_PIPELINE_UI_SERVICE_PORT?.trim();
    const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return { source: 'in-cluster', baseUrl: `http://${hostPart}${port ? `:${port}` : ''}` };
  }
  if (env.KUBERNETES_SERVICE_HOST?.trim()) return { source: 'in-cluster', baseUrl: KFP_IN_CLUSTER_ENDPOINT };
  return undefined;
}
