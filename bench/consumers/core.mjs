// Minimal consumer of @ml-platform/core: a client over any paths, signed with a static token.
import { createApiClient, staticTokenAuth } from '@ml-platform/core';

export async function listExperiments(baseUrl, token) {
  const client = createApiClient(
    { baseUrl, auth: staticTokenAuth(token) },
    { baseUrlExample: baseUrl, userAgent: 'x' },
  );
  return (await client.GET('/apis/v2beta1/experiments')).data;
}
