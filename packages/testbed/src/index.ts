export { removeEnvFile, writeEnvFile } from './cluster/env-file.js';
export { processesWithEnv } from './cluster/leftover-processes.js';
export {
  type LocalCluster,
  type LocalClusterCredentials,
  type LocalClusterOptions,
  PIPELINE_SERVICE_ACCOUNT,
  PROFILE_NAMESPACE,
  startLocalCluster,
} from './cluster/start-local-cluster.js';
export {
  DEFAULT_DEX_USER,
  type DexEmulator,
  type DexEmulatorOptions,
  startDexEmulator,
} from './dex/index.js';
export { freePort } from './free-port.js';
export { GatewayLog, type GatewayLogEntry } from './gateway/gateway-log.js';
export { discoveredJwks, inMemoryJwks, type JsonWebKeySet, type JwksSource } from './gateway/jwks-source.js';
export { type JwtRule, type JwtVerdict, verifyBearerJwt } from './gateway/jwt-rules.js';
export {
  KUBEFLOW_SESSION_COOKIE,
  type KubeflowGateway,
  type KubeflowGatewayOptions,
  startKubeflowGateway,
  USER_ID_HEADER,
} from './gateway/kubeflow-gateway.js';
export { type ProxyOptions, proxyTo } from './gateway/proxy-upstream.js';
export type { GatewayRoute } from './gateway/routes.js';
export type {
  GatewayIdentity,
  PartialUpstream,
  UpstreamRequest,
  UpstreamResponse,
} from './gateway/upstream.js';
export { jsonResponse, type Upstream, withFallback } from './gateway/upstream.js';
export {
  type RecordedRequest,
  sendJson,
  startHttpServer,
  type TestHandler,
  type TestHttpServer,
} from './http-server.js';
export {
  createKfpEmulator,
  type KfpEmulator,
  type KfpEmulatorOptions,
  type RunWorkflow,
} from './kfp-state/kfp-emulator.js';
export { type KfpEmulatorServer, startKfpEmulatorServer } from './kfp-state/kfp-emulator-server.js';
export { DEFAULT_NAMESPACE_ACCESS, type NamespaceAccess } from './kfp-state/namespace-access.js';
export { type PrismProxy, startPrismProxy } from './kfp-state/prism-proxy.js';
// How emulated runs end, for tests of failed and stuck runs: a pipeline whose pipelineInfo.name
// ends in `-fails` ends FAILED, in `-hangs` stays RUNNING until terminated (outcomeOfPipelineName).
export { outcomeOfPipelineName, type RunOutcome, type RunTiming } from './kfp-state/run-lifecycle.js';
export { emulatedArtifact } from './kfp-state/runs.js';
export { type RunBed, startRunBed } from './kfp-ui/run-bed.js';
export { type KfpUiServer, type KfpUiServerOptions, startKfpUiServer } from './kfp-ui/ui-server.js';
export type { KubeUser } from './kubernetes/api-server/authenticate.js';
export type { ProxyAttributes, ProxyAuthorizer } from './kubernetes/api-server/authorize.js';
export {
  type KubeApiRequest,
  type KubeApiServer,
  type KubeApiServerOptions,
  type KubeService,
  startKubeApiServer,
} from './kubernetes/kube-api-server.js';
export {
  createProjectedTokenVolume,
  type ProjectedTokenVolume,
  type ProjectedTokenVolumeOptions,
} from './kubernetes/projected-token-volume.js';
export {
  createServiceAccountIssuer,
  KFP_TOKEN_AUDIENCE,
  KUBERNETES_ISSUER,
  type ServiceAccountIssuer,
  type ServiceAccountRef,
  type TokenRequest,
} from './kubernetes/service-account-issuer.js';
export { MOCKED_APIS, type MockedApi, openapiDocumentPath, type PrismServer, startPrism } from './prism.js';
export { startTinyproxy, type Tinyproxy, type TinyproxyOptions } from './proxy/tinyproxy.js';
export { type OpenApiDocument, type SampleRequest, sampleRequests } from './sample-request.js';
export * from './seldon-state/index.js';
export {
  createTestCertificates,
  type TestCertificateOptions,
  type TestCertificates,
} from './tls-certificates.js';
