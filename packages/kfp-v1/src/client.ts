import { type ApiClientOptions, type Client, createApiClient } from '@ml-platform/core';
import {
  type ClientNamespaceOption,
  inPodDefaultAuth,
  type NamespaceFiles,
  resolveKfpEndpoint,
  setClientNamespace,
} from '@ml-platform/kfp-common';
import type { paths } from './generated/schema.js';

/** Options of {@link createKfpV1Client}; every one is optional, as `kfp.Client()`'s are. */
export type KfpV1ClientOptions = Omit<ApiClientOptions, 'baseUrl'> & {
  /**
   * The URL KFP's `/apis/v1beta1/...` paths are relative to: `https://<host>/pipeline`
   * behind Kubeflow's gateway, `http://ml-pipeline-ui.kubeflow` in a cluster.
   * Default: `KF_PIPELINES_ENDPOINT`, then the in-cluster ml-pipeline-ui service.
   */
  baseUrl?: string;
  /**
   * The namespace helpers use when they are given none: a profile namespace,
   * or `'auto'` for kfp.Client's multi-user lookup (`~/.config/kfp/context.json`,
   * then the pod's ServiceAccount namespace file), read on first use.
   */
  namespace?: ClientNamespaceOption;
  /** Where `namespace: 'auto'` looks; defaults as kfp.Client's. */
  namespaceFiles?: NamespaceFiles;
};

/** A typed openapi-fetch client over the KFP v1beta1 API. */
export type KfpV1Client = Client<paths>;

/**
 * Creates a client for the Kubeflow Pipelines REST API v1beta1.
 *
 * Without `auth`, it signs with the pod's Kubeflow Pipelines ServiceAccount
 * token when `KF_PIPELINES_SA_TOKEN_PATH` or the default projected path holds
 * one, as `kfp.Client()` does; `auth: []` sends requests unsigned.
 *
 * @example
 * const kfp = createKfpV1Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth: staticTokenAuth(token) });
 * const { data } = await kfp.GET('/apis/v1beta1/experiments', { params: { query: { namespace: 'team-a' } } });
 */
export function createKfpV1Client(options: KfpV1ClientOptions = {}): KfpV1Client {
  const { namespace, namespaceFiles, ...clientOptions } = options ?? {};
  const client = createApiClient<paths>(
    {
      ...clientOptions,
      baseUrl: clientOptions.baseUrl ?? resolveKfpEndpoint(),
      auth: clientOptions.auth ?? inPodDefaultAuth(),
    },
    { baseUrlExample: 'https://<kubeflow-host>/pipeline', userAgent: '@ml-platform/kfp-v1' },
  );
  setClientNamespace(client, namespace, namespaceFiles);
  return client;
}
