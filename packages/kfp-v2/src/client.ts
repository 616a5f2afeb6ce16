import type { ApiClientInput, Client } from '@ml-platform/core';
import { createKfpClient, type KfpClientExtras } from '@ml-platform/kfp-common';
import type { paths } from './generated/schema.js';

/** Options of {@link createKfpV2Client}; every one is optional, as `kfp.Client()`'s are. */
export type KfpV2ClientOptions = ApiClientInput &
  KfpClientExtras & {
    /**
     * The URL KFP's `/apis/v2beta1/...` paths are relative to: `https://<host>/pipeline`
     * behind Kubeflow's gateway, `http://ml-pipeline-ui.kubeflow` in a cluster.
     * Default: `KF_PIPELINES_ENDPOINT`, then the in-cluster ml-pipeline-ui service.
     */
    baseUrl?: string | undefined;
  };

/** A typed openapi-fetch client over the KFP v2beta1 API. */
export type KfpV2Client = Client<paths>;

/**
 * Creates a client for the Kubeflow Pipelines REST API v2beta1.
 *
 * Without `auth`, it signs with the pod's Kubeflow Pipelines ServiceAccount
 * token when `KF_PIPELINES_SA_TOKEN_PATH` or the default projected path holds
 * one, as `kfp.Client()` does; `auth: []` sends requests unsigned.
 *
 * @example
 * const kfp = createKfpV2Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth: staticTokenAuth(token) });
 * const { data } = await kfp.GET('/apis/v2beta1/experiments', { params: { query: { namespace: 'team-a' } } });
 */
export function createKfpV2Client(options: KfpV2ClientOptions = {}): KfpV2Client {
  return createKfpClient<paths>(options, '@ml-platform/kfp-v2');
}
