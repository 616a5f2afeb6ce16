// Minimal consumer of @ml-platform/auth-kubeconfig/async: the auth-kubeconfig.mjs consumer with the kubeconfig read
// at an await, so the YAML parser loads only for a kubeconfig that is not JSON (not at startup).
import { loadKubeServiceProxy } from '@ml-platform/auth-kubeconfig/async';
import { createKfpV2Client } from '@ml-platform/kfp-v2';

export async function listExperiments() {
  const kfp = createKfpV2Client({
    ...(await loadKubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' })),
  });
  return (await kfp.GET('/apis/v2beta1/experiments')).data;
}
