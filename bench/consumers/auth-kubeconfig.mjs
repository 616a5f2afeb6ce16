// Minimal consumer of @ml-platform/auth-kubeconfig: a KFP v2 client through the API server's service proxy.
// Its size minus the kfp-v2 consumer's is what the plugin (and its YAML parser) adds.
import { kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { createKfpV2Client } from '@ml-platform/kfp-v2';

export async function listExperiments() {
  const kfp = createKfpV2Client({
    ...kubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' }),
  });
  return (await kfp.GET('/apis/v2beta1/experiments')).data;
}
