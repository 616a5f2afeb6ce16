// Minimal consumer of @ml-platform/auth-sa-token: a KFP v2 client signed with the pod's token.
// Its size minus the kfp-v2 consumer's is what the plugin adds.
import { serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import { createKfpV2Client } from '@ml-platform/kfp-v2';

export async function listExperiments(baseUrl) {
  const kfp = createKfpV2Client({ baseUrl, auth: serviceAccountTokenAuth() });
  return (await kfp.GET('/apis/v2beta1/experiments')).data;
}
