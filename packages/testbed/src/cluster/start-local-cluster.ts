import { DEFAULT_DEX_USER } from '../dex/options.js';
import { discoveredJwks, inMemoryJwks } from '../gateway/jwks-source.js';
import type { JwtRule } from '../gateway/jwt-rules.js';
import { type KubeflowGateway, startKubeflowGateway } from '../gateway/kubeflow-gateway.js';
import { proxyTo } from '../gateway/proxy-upstream.js';
import type { GatewayRoute } from '../gateway/routes.js';
import { withFallback } from '../gateway/upstream.js';
import { createKfpEmulator, type KfpEmulator } from '../kfp-state/kfp-emulator.js';
import { type KfpEmulatorServer, startKfpEmulatorServer } from '../kfp-state/kfp-emulator-server.js';
import type { RunTiming } from '../kfp-state/run-lifecycle.js';
import { type KfpUiServer, startKfpUiServer } from '../kfp-ui/ui-server.js';
import { type KubeApiServer, startKubeApiServer } from '../kubernetes/kube-api-server.js';
import { writeLocalKubeconfig } from '../kubernetes/local-kubeconfig.js';
import {
  createProjectedTokenVolume,
  type ProjectedTokenVolume,
} from '../kubernetes/projected-token-volume.js';
import {
  createServiceAccountIssuer,
  KFP_TOKEN_AUDIENCE,
  type ServiceAccountRef,
} from '../kubernetes/service-account-issuer.js';
import type { OidcTestProvider } from '../oidc/oidc-provider.js';
import { TEST_USERS } from '../oidc/test-users.js';
import { createTestCertificates } from '../tls-certificates.js';
import { lazyPrism } from './lazy-prism.js';

/** Kubeflow's example profile namespace (manifests' `kubeflow-user-example-com`). */
export const PROFILE_NAMESPACE = 'kubeflow-user-example-com';
/** The ServiceAccount Kubeflow's PodDefault gives pipeline pods in a profile. */
export const PIPELINE_SERVICE_ACCOUNT: ServiceAccountRef = {
  namespace: PROFILE_NAMESPACE,
  name: 'default-editor',
};

export interface LocalClusterOptions {
  /** How long KFP runs stay PENDING and RUNNING. Default 500 ms and 2000 ms. */
  runTiming?: RunTiming;
  /**
   * Replace the projected ServiceAccount token this often, ms. Default 60 000.
   * The kubelet replaces it at 80% of its lifetime (an hour or more); shorter
   * here so that rotation happens while you watch.
   */
  tokenRotationMs?: number;
  /** Start Prism for KFP v1beta1 and Seldon Deploy with everything else (default), or on their first request. */
  mocks?: 'eager' | 'lazy';
  /**
   * More profile namespaces the same users and ServiceAccount may work in, beside
   * `kubeflow-user-example-com` (the READMEs' `team-a`, for one). Default none.
   */
  profileNamespaces?: readonly string[];
}

export interface LocalClusterCredentials {
  /** Kubeflow's example Dex user (`user@example.com`). */
  dex: { username: string; password: string };
  /** A confidential client of the OpenID Provider with the password grant (Seldon Deploy's), and a user. */
  oidc: { clientId: string; clientSecret: string; username: string; password: string };
}

export interface LocalCluster {
  /** The gateway's origin (Kubeflow's ingress); Dex is under `/dex`, oauth2-proxy under `/oauth2`. */
  readonly url: string;
  /** `<url>/pipeline`: the `baseUrl` of both KFP clients (what `host` is to kfp.Client). */
  readonly kfpEndpoint: string;
  /** `<url>/seldon-deploy/api/v1alpha1`: the Seldon Deploy client's `baseUrl`. */
  readonly seldonDeployUrl: string;
  /** Dex's issuer URL on the gateway's origin. */
  readonly dexUrl: string;
  /** The OpenID Provider's issuer URL (its own origin). */
  readonly oidcIssuer: string;
  /** The profile namespace users and the pipeline ServiceAccount may work in. */
  readonly namespace: string;
  readonly serviceAccount: {
    /** Where the rotating projected token is: what `KF_PIPELINES_SA_TOKEN_PATH` should point at. */
    readonly tokenPath: string;
    readonly volume: ProjectedTokenVolume;
    /** The user the gateway sees for this ServiceAccount's tokens. */
    readonly user: string;
    /** A fresh token for the pipeline ServiceAccount, as `kubectl create token` gives one. */
    createToken(options?: { audiences?: string[]; expirationSeconds?: number }): string;
  };
  /** Test credentials of this cluster. Print none of them. */
  readonly credentials: LocalClusterCredentials;
  readonly gateway: KubeflowGateway;
  readonly kfp: KfpEmulator;
  /**
   * The KFP UI server's stand-in (pod logs, artifacts, ML Metadata over
   * gRPC-Web), behind the gateway at `<url>/pipeline/k8s/...`,
   * `<url>/pipeline/artifacts/...` and `<url>/ml_metadata.*` as Kubeflow routes them.
   */
  readonly ui: KfpUiServer;
  /**
   * The Kubernetes API server (real TLS, client certificates verified) with a
   * standalone, single-user KFP behind its service proxy as `kubeflow/ml-pipeline:http`,
   * and a kubeconfig for it (the admin's client certificate): the kubectl-only way in.
   */
  readonly kubernetes: {
    readonly apiServer: KubeApiServer;
    readonly kubeconfigPath: string;
    readonly kfp: KfpEmulatorServer;
  };
  readonly oidc: OidcTestProvider;
  /**
   * Environment variables pointing code at this cluster: `KF_PIPELINES_ENDPOINT`,
   * `KF_PIPELINES_SA_TOKEN_PATH`, `KFP_NAMESPACE`, `KFP_TOKEN`, `KUBEFLOW_ENDPOINT`,
   * `KUBEFLOW_USERNAME`, `KUBEFLOW_PASSWORD`, `SELDON_DEPLOY_URL`, `SELDON_NAMESPACE`,
   * `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`, `OIDC_USERNAME`, `OIDC_PASSWORD`, `KUBECONFIG`.
   * Several are secrets.
   */
  env(): Record<string, string>;
  /** Stops every server and process and deletes the token directory. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a stand-in for a Kubeflow + Seldon Deploy cluster on 127.0.0.1, all
 * parts in parallel: the gateway (Istio + oauth2-proxy + Dex) enforcing each
 * auth mode, a stateful KFP v2beta1 API (with Prism for the operations it does
 * not keep state for), Prism mocks of KFP v1beta1 and Seldon Deploy, an OpenID
 * Provider, and a projected ServiceAccount token that rotates.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const eager = (options.mocks ?? 'eager') === 'eager';
  const prism = {
    kfpV1: lazyPrism('kfp-v1beta1', eager),
    seldon: lazyPrism('seldon-deploy-v1alpha1', eager),
    kfpV2: lazyPrism('kfp-v2beta1', false),
  };
  const issuer = createServiceAccountIssuer();
  const pipelineUser = `system:serviceaccount:${PIPELINE_SERVICE_ACCOUNT.namespace}:${PIPELINE_SERVICE_ACCOUNT.name}`;
  const createToken = (request: { audiences?: string[]; expirationSeconds?: number } = {}) =>
    issuer.createToken({
      serviceAccount: PIPELINE_SERVICE_ACCOUNT,
      audiences: request.audiences ?? [KFP_TOKEN_AUDIENCE],
      expirationSeconds: request.expirationSeconds ?? 3600,
    });
  const stoppers: Array<() => Promise<void>> = [prism.kfpV1.stop, prism.seldon.stop, prism.kfpV2.stop];
  const stopAll = async () => {
    const results = await Promise.allSettled(stoppers.splice(0).map((stop) => stop()));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  };

  try {
    // The kubelet's projected volume for the pipeline ServiceAccount (audience pipelines.kubeflow.org, 2 h).
    const volume = createProjectedTokenVolume({
      mintToken: () => createToken({ expirationSeconds: 7200 }),
      rotateEveryMs: options.tokenRotationMs ?? 60_000,
    });
    stoppers.push(volume.stop);
    // Loaded here, not at import: oidc-provider prints warnings when loaded, which users of the rest of the test bed need not see.
    const { startOidcProvider } = await import('../oidc/oidc-provider.js');
    const oidc = await startOidcProvider();
    stoppers.push(oidc.stop);
    const kfp = createKfpEmulator({
      runTiming: options.runTiming,
      namespaces: Object.fromEntries(
        [PROFILE_NAMESPACE, ...(options.profileNamespaces ?? [])].map((namespace) => [
          namespace,
          [DEFAULT_DEX_USER.login, pipelineUser, TEST_USERS.alice.email],
        ]),
      ),
    });
    const jwtRules: JwtRule[] = [
      // Kubeflow's m2m RequestAuthentication: ServiceAccount tokens, checked against the API server's keys.
      {
        name: 'kubernetes',
        issuer: issuer.issuer,
        jwks: inMemoryJwks(issuer.jwks),
        audiences: [KFP_TOKEN_AUDIENCE],
        userClaim: 'sub',
      },
      // The OpenID Provider's ID tokens, checked against its published JWKS.
      {
        name: 'oidc',
        issuer: oidc.issuer,
        jwks: discoveredJwks(oidc.issuer),
        audiences: [
          oidc.clients.password.clientId,
          oidc.clients.kubeflowSdk.clientId,
          oidc.clients.authorizationCode.clientId,
        ],
        userClaim: 'email',
      },
    ];
    const kfpAllow = { session: true, jwt: ['kubernetes', 'oidc'] };
    const ui = await startKfpUiServer(kfp);
    stoppers.push(ui.stop);
    const uiUpstream = proxyTo(async () => ui.url);
    const routes: GatewayRoute[] = [
      // Kubeflow's VirtualService `ml-pipeline-ui` sends /pipeline to the UI server (which serves logs and
      // artifacts itself); `metadata-grpc` sends /ml_metadata to the metadata Envoy.
      {
        name: 'kfp-ui-logs',
        prefix: '/pipeline/k8s',
        rewrite: '/k8s',
        allow: kfpAllow,
        upstream: uiUpstream,
      },
      {
        name: 'kfp-ui-artifacts',
        prefix: '/pipeline/artifacts',
        rewrite: '/artifacts',
        allow: kfpAllow,
        upstream: uiUpstream,
      },
      {
        name: 'ml-metadata',
        prefix: '/ml_metadata.MetadataStoreService',
        rewrite: '/ml_metadata.MetadataStoreService',
        allow: kfpAllow,
        upstream: uiUpstream,
      },
      {
        name: 'kfp-v2beta1',
        prefix: '/pipeline/apis/v2beta1',
        rewrite: '/apis/v2beta1',
        allow: kfpAllow,
        upstream: withFallback(kfp.handle, proxyTo(prism.kfpV2.url, { standInAuthorization: true })),
      },
      {
        name: 'kfp-v1beta1',
        prefix: '/pipeline/apis/v1beta1',
        rewrite: '/apis/v1beta1',
        allow: kfpAllow,
        upstream: proxyTo(prism.kfpV1.url, { standInAuthorization: true }),
      },
      {
        // Seldon Deploy checks its OIDC provider's tokens itself; no Kubeflow session or ServiceAccount token.
        name: 'seldon-deploy',
        prefix: '/seldon-deploy/api/v1alpha1',
        // Prism serves the document's paths without its base path.
        rewrite: '',
        allow: { jwt: ['oidc'] },
        upstream: proxyTo(prism.seldon.url),
      },
    ];
    const gateway = await startKubeflowGateway({ routes, jwtRules });
    stoppers.push(gateway.stop);
    const kubernetes = await startKubernetesApi(options.runTiming, stoppers);
    if (eager) await Promise.all([prism.kfpV1.url(), prism.seldon.url()]);

    const credentials: LocalClusterCredentials = {
      dex: { username: DEFAULT_DEX_USER.login, password: DEFAULT_DEX_USER.password },
      oidc: {
        clientId: oidc.clients.password.clientId,
        clientSecret: oidc.clients.password.clientSecret,
        username: TEST_USERS.alice.username,
        password: TEST_USERS.alice.password,
      },
    };
    const kfpEndpoint = `${gateway.url}/pipeline`;
    const seldonDeployUrl = `${gateway.url}/seldon-deploy/api/v1alpha1`;
    return {
      url: gateway.url,
      kfpEndpoint,
      seldonDeployUrl,
      dexUrl: gateway.dexUrl,
      oidcIssuer: oidc.issuer,
      namespace: PROFILE_NAMESPACE,
      serviceAccount: { tokenPath: volume.tokenPath, volume, user: pipelineUser, createToken },
      credentials,
      gateway,
      kfp,
      ui,
      kubernetes,
      oidc,
      env: () => ({
        KF_PIPELINES_ENDPOINT: kfpEndpoint,
        KF_PIPELINES_SA_TOKEN_PATH: volume.tokenPath,
        KFP_NAMESPACE: PROFILE_NAMESPACE,
        KFP_TOKEN: createToken(),
        KUBEFLOW_ENDPOINT: gateway.url,
        KUBEFLOW_USERNAME: credentials.dex.username,
        KUBEFLOW_PASSWORD: credentials.dex.password,
        SELDON_DEPLOY_URL: seldonDeployUrl,
        SELDON_NAMESPACE: 'seldon',
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: credentials.oidc.clientId,
        OIDC_CLIENT_SECRET: credentials.oidc.clientSecret,
        OIDC_USERNAME: credentials.oidc.username,
        OIDC_PASSWORD: credentials.oidc.password,
        KUBECONFIG: kubernetes.kubeconfigPath,
      }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

/**
 * The API server and what sits behind its service proxy: a standalone KFP in
 * single-user mode, as `kfp.Client(kube_context=...)` reaches it (in
 * multi-user Kubeflow the API server's proxy strips the caller's identity, so
 * that path is for standalone installs). Its certificates are its own
 * cluster CA's, as a kind or kubeadm cluster has.
 */
async function startKubernetesApi(
  runTiming: RunTiming | undefined,
  stoppers: Array<() => Promise<void>>,
): Promise<LocalCluster['kubernetes']> {
  const kfp = await startKfpEmulatorServer({ multiUser: false, runTiming });
  stoppers.push(kfp.stop);
  const certificates = createTestCertificates({ clientSubject: '/CN=kubernetes-admin/O=system:masters' });
  const apiServer = await startKubeApiServer({
    certificates,
    services: [
      {
        namespace: 'kubeflow',
        name: 'ml-pipeline',
        ports: [{ name: 'http', port: 8888, endpoint: async () => kfp.url }],
      },
    ],
  });
  stoppers.push(apiServer.stop);
  const kubeconfig = writeLocalKubeconfig({
    server: apiServer.url,
    ca: certificates.ca,
    clientCert: certificates.clientCert,
    clientKey: certificates.clientKey,
  });
  stoppers.push(async () => kubeconfig.remove());
  return { apiServer, kubeconfigPath: kubeconfig.path, kfp };
}
