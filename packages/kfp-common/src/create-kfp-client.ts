import {
  type ApiClientInput,
  CLIENT_OPTION_KEYS,
  type Client,
  checkOptions,
  createApiClient,
  pathPrefixHint,
} from '@ml-platform/core';
import { type ClientNamespaceOption, setClientNamespace } from './client-namespace.js';
import { setClientUiBaseUrl } from './client-ui-base-url.js';
import { inPodDefaultAuth } from './in-pod-auth.js';
import type { NamespaceFiles } from './namespace.js';
import { processEnv } from './process-env.js';
import { kfpEndpointStep } from './zero-config/endpoint-chain.js';
import { DEFAULT_KUBE_SERVICE } from './zero-config/kube-service.js';
import { KUBECONFIG_ROUTE_ORIGIN, kubeconfigRoute } from './zero-config/kubeconfig-route.js';

/** What both KFP client factories take besides core's client options. */
export interface KfpClientExtras {
  /**
   * The namespace helpers use when they are given none: a profile namespace,
   * or `'auto'` for kfp.Client's multi-user lookup (`~/.config/kfp/context.json`,
   * then the pod's ServiceAccount namespace file), read on first use.
   */
  namespace?: ClientNamespaceOption | undefined;
  /** Where `namespace: 'auto'` looks; defaults as kfp.Client's. */
  namespaceFiles?: NamespaceFiles | undefined;
  /**
   * The Service reached through the API server's proxy when the client, given
   * no `baseUrl`, falls through to the kubeconfig: `namespace/name:port`.
   * Default `kubeflow/ml-pipeline:http`.
   */
  kubeService?: string | undefined;
  /**
   * Where the KFP UI server answers (pod logs, artifacts, ML Metadata), when
   * not at `baseUrl`: e.g. a port-forwarded `ml-pipeline-ui` while `baseUrl`
   * is the API server itself. Default: `baseUrl`.
   */
  uiBaseUrl?: string | undefined;
}

/** The KFP factories' own option names, typed against their interface so the two cannot drift apart. */
const KFP_OPTION_KEYS = [
  'namespace',
  'namespaceFiles',
  'kubeService',
  'uiBaseUrl',
] as const satisfies readonly (keyof KfpClientExtras)[];

const BASE_URL_EXAMPLE = 'https://<kubeflow-host>/pipeline';

/**
 * The one factory behind `createKfpV1Client` and `createKfpV2Client`: like
 * `kfp.Client()`, every option is optional. Without `baseUrl` the endpoint
 * comes from the zero-config chain: `KF_PIPELINES_ENDPOINT`, then the
 * in-cluster service (with the pod's ServiceAccount token when no `auth` is
 * given), then the kubeconfig's current context through the API server's
 * service proxy (signed as its user; auth-kubeconfig loads on the first
 * request). A 404 at a root without `/pipeline` says where the API usually
 * is, and the client's default namespace is recorded for the helpers.
 */
export function createKfpClient<Paths extends {}>(
  options: ApiClientInput & KfpClientExtras,
  userAgent: string,
): Client<Paths> {
  const defaults = {
    baseUrlExample: BASE_URL_EXAMPLE,
    userAgent,
    notFoundHint: pathPrefixHint('/pipeline', BASE_URL_EXAMPLE),
  };
  // Not an object (a URL string, null): core's check says what was expected.
  if (options === null || typeof options !== 'object') return createApiClient<Paths>(options, defaults);
  const { namespace, namespaceFiles, kubeService, uiBaseUrl, ...clientOptions } = options;
  // A misspelt option (baseURL, nameSpace) is named before the chain runs, not answered with "no endpoint",
  // and the message lists every option a KFP client takes.
  checkOptions(options, [...CLIENT_OPTION_KEYS, ...KFP_OPTION_KEYS], {
    example: `{ baseUrl: '${BASE_URL_EXAMPLE}' }`,
  });
  const env = processEnv();
  const step = clientOptions.baseUrl === undefined ? kfpEndpointStep(env) : undefined;
  let client: Client<Paths>;
  if (step?.source === 'kubeconfig') {
    const { tls, proxy, ...rest } = clientOptions;
    const route = kubeconfigRoute({
      env,
      kubeService: kubeService ?? DEFAULT_KUBE_SERVICE,
      skipped: step.skipped,
      tls,
      proxy,
    });
    client = createApiClient<Paths>(
      {
        ...rest,
        baseUrl: KUBECONFIG_ROUTE_ORIGIN,
        middleware: [route.middleware, ...(rest.middleware ?? [])],
        auth: rest.auth ?? route.auth,
        fetch: rest.fetch ?? route.fetch,
      },
      // The proxy path is not /pipeline: the 404 hint would mislead.
      { ...defaults, notFoundHint: undefined },
    );
  } else {
    client = createApiClient<Paths>(
      {
        ...clientOptions,
        baseUrl: clientOptions.baseUrl ?? step?.baseUrl,
        auth: clientOptions.auth ?? inPodDefaultAuth(),
      },
      defaults,
    );
  }
  setClientNamespace(client, namespace, namespaceFiles);
  setClientUiBaseUrl(
    client,
    uiBaseUrl ??
      clientOptions.baseUrl ??
      (step && 'baseUrl' in step ? step.baseUrl : KUBECONFIG_ROUTE_ORIGIN),
  );
  return client;
}
