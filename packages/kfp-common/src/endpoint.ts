import { ConfigError, ConfigErrorCode } from '@ml-platform/core';
import { processEnv } from './process-env.js';

/** In-cluster address of the Pipelines UI service, which proxies the API. */
export const KFP_IN_CLUSTER_ENDPOINT = 'http://ml-pipeline-ui.kubeflow.svc.cluster.local';

/**
 * Where the KFP API is when no `baseUrl` is given, in the order kfp.Client
 * looks: `KF_PIPELINES_ENDPOINT`; inside a pod, the `ml-pipeline-ui` service's
 * injected `ML_PIPELINE_UI_SERVICE_HOST`/`_PORT`; any other pod (Kubernetes sets
 * `KUBERNETES_SERVICE_HOST` in every container), the service's cluster DNS name.
 */
export function resolveKfpEndpoint(env: Record<string, string | undefined> = processEnv()): string {
  const explicit = env.KF_PIPELINES_ENDPOINT?.trim();
  if (explicit) return explicit;
  const host = env.ML_PIPELINE_UI_SERVICE_HOST?.trim();
  if (host) {
    const port = env.ML_PIPELINE_UI_SERVICE_PORT?.trim();
    const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return `http://${hostPart}${port ? `:${port}` : ''}`;
  }
  if (env.KUBERNETES_SERVICE_HOST?.trim()) return KFP_IN_CLUSTER_ENDPOINT;
  throw new ConfigError(
    ConfigErrorCode.noBaseUrl,
    'No Kubeflow Pipelines endpoint: pass baseUrl (e.g. https://<kubeflow-host>/pipeline) or set KF_PIPELINES_ENDPOINT. ' +
      'Inside a cluster it is found from ML_PIPELINE_UI_SERVICE_HOST/_PORT or the ml-pipeline-ui service DNS name.',
  );
}
