import { type ApiClientOptions, type Client, createApiClient } from '@ml-platform/core';
import { resolveKfpEndpoint } from '@ml-platform/kfp-common';
import type { paths } from './generated/schema.js';

/** Options of {@link createKfpV2Client}; `baseUrl` is optional (resolved like kfp.Client's `host`). */
export type KfpV2ClientOptions = Omit<ApiClientOptions, 'baseUrl'> & {
  /**
   * The URL KFP's `/apis/v2beta1/...` paths are relative to: `https://<host>/pipeline`
   * behind Kubeflow's gateway, `http://ml-pipeline-ui.kubeflow` in a cluster.
   * Default: `KF_PIPELINES_ENDPOINT`, then the in-cluster ml-pipeline-ui service.
   */
  baseUrl?: string;
};

/** A typed openapi-fetch client over the KFP v2beta1 API. */
export type KfpV2Client = Client<paths>;

/**
 * Creates a client for the Kubeflow Pipelines REST API v2beta1.
 *
 * @example
 * const kfp = createKfpV2Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth: staticTokenAuth(token) });
 * const { data } = await kfp.GET('/apis/v2beta1/experiments', { params: { query: { namespace: 'team-a' } } });
 */
export function createKfpV2Client(options: KfpV2ClientOptions = {}): KfpV2Client {
  return createApiClient<paths>(
    { ...options, baseUrl: options.baseUrl ?? resolveKfpEndpoint() },
    { baseUrlExample: 'https://<kubeflow-host>/pipeline', userAgent: '@ml-platform/kfp-v2' },
  );
}
