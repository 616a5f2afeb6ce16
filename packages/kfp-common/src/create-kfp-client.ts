import { type ApiClientInput, type Client, createApiClient, pathPrefixHint } from '@ml-platform/core';
import { type ClientNamespaceOption, setClientNamespace } from './client-namespace.js';
import { setClientUiBaseUrl } from './client-ui-base-url.js';
import { resolveKfpEndpoint } from './endpoint.js';
import { inPodDefaultAuth } from './in-pod-auth.js';
import type { NamespaceFiles } from './namespace.js';

/** What both KFP client factories take besides core's client options. */
export interface KfpClientExtras {
  /**
   * The namespace helpers use when they are given none: a profile namespace,
   * or `'auto'` for kfp.Client's multi-user lookup (`~/.config/kfp/context.json`,
   * then the pod's ServiceAccount namespace file), read on first use.
   */
  namespace?: ClientNamespaceOption;
  /** Where `namespace: 'auto'` looks; defaults as kfp.Client's. */
  namespaceFiles?: NamespaceFiles;
  /**
   * Where the KFP UI server answers (pod logs, artifacts, ML Metadata), when
   * not at `baseUrl`: e.g. a port-forwarded `ml-pipeline-ui` while `baseUrl`
   * is the API server itself. Default: `baseUrl`.
   */
  uiBaseUrl?: string;
}

const BASE_URL_EXAMPLE = 'https://<kubeflow-host>/pipeline';

/**
 * The one factory behind `createKfpV1Client` and `createKfpV2Client`: like
 * `kfp.Client()`, every option is optional. The endpoint comes from the
 * environment, the pod's ServiceAccount token signs when no `auth` is given,
 * a 404 at a root without `/pipeline` says where the API usually is, and the
 * client's default namespace is recorded for the helpers.
 */
export function createKfpClient<Paths extends {}>(
  options: ApiClientInput & KfpClientExtras,
  userAgent: string,
): Client<Paths> {
  const defaults = {
    baseUrlExample: BASE_URL_EXAMPLE,
    userAgent,
    defaultBaseUrl: resolveKfpEndpoint,
    notFoundHint: pathPrefixHint('/pipeline', BASE_URL_EXAMPLE),
  };
  // Not an object (a URL string, null): core's check says what was expected.
  if (options === null || typeof options !== 'object') return createApiClient<Paths>(options, defaults);
  const { namespace, namespaceFiles, uiBaseUrl, ...clientOptions } = options;
  const client = createApiClient<Paths>(
    { ...clientOptions, auth: clientOptions.auth ?? inPodDefaultAuth() },
    defaults,
  );
  setClientNamespace(client, namespace, namespaceFiles);
  setClientUiBaseUrl(client, uiBaseUrl ?? clientOptions.baseUrl ?? resolveKfpEndpoint());
  return client;
}
