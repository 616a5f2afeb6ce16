import { type ApiClientOptions, type Client, createApiClient } from '@ml-platform/core';
import type { paths } from './generated/schema.js';

/** Options of {@link createSeldonDeployClient}. */
export type SeldonDeployClientOptions = ApiClientOptions;

/** A typed openapi-fetch client over the Seldon Deploy v1alpha1 API. */
export type SeldonDeployClient = Client<paths>;

/**
 * Creates a client for the Seldon Deploy REST API v1alpha1. `baseUrl` includes
 * the API's base path: `https://<host>/seldon-deploy/api/v1alpha1`.
 *
 * @example
 * const seldon = createSeldonDeployClient({ baseUrl: 'https://ml.example.com/seldon-deploy/api/v1alpha1', auth });
 * const { data } = await seldon.GET('/namespaces/{namespace}/seldondeployments', { params: { path: { namespace: 'prod' } } });
 */
export function createSeldonDeployClient(options: SeldonDeployClientOptions): SeldonDeployClient {
  return createApiClient<paths>(options, {
    baseUrlExample: 'https://<host>/seldon-deploy/api/v1alpha1',
    userAgent: '@ml-platform/seldon-deploy-v1alpha1',
  });
}
