// Minimal consumer of @ml-platform/auth-dex-session: a KFP v2 client behind Kubeflow's Dex login.
// Its size minus the kfp-v2 consumer's is what the plugin (and its cookie jar) adds.
import { dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';

export async function listExperiments(endpoint, username, password) {
  const kfp = createKfpV2Client({
    baseUrl: endpoint,
    auth: dexSessionAuth({ endpoint, username, password }),
  });
  return (await kfp.GET('/apis/v2beta1/experiments')).data;
}
