// Baseline: the same call with bare openapi-fetch (what our clients are built on).
import createClient from 'openapi-fetch';

export async function listExperiments(baseUrl) {
  const client = createClient({ baseUrl });
  return (await client.GET('/apis/v2beta1/experiments')).data;
}
