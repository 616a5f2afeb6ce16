// Minimal consumer of @ml-platform/kfp-v2: create a client, make one call.
import { createKfpV2Client } from '@ml-platform/kfp-v2';

export async function listExperiments(baseUrl) {
  const kfp = createKfpV2Client({ baseUrl });
  return (await kfp.GET('/apis/v2beta1/experiments')).data;
}
