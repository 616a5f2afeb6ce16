// Minimal consumer of @ml-platform/kfp-v1: create a client, make one call.
import { createKfpV1Client } from '@ml-platform/kfp-v1';

export async function listExperiments(baseUrl) {
  const kfp = createKfpV1Client({ baseUrl });
  return (await kfp.GET('/apis/v1beta1/experiments')).data;
}
