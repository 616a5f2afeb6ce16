/**
 * Kubeflow Pipelines v2beta1 with nothing but kubectl access: no Dex
 * password, no ingress. Like `kfp.Client(kube_context=...)`, the client goes
 * through the Kubernetes API server's service proxy to the `ml-pipeline`
 * Service, signed as the kubeconfig's user (here a client certificate, so
 * mutual TLS; a token, a tokenFile or an exec plugin such as
 * `aws eks get-token` work the same way).
 *
 * Environment: KUBECONFIG (else ~/.kube/config), and KFP_SERVICE_NAMESPACE when
 * ml-pipeline is not in `kubeflow`. The current-context is used.
 */
import { kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import {
  createKfpV2Client,
  createRun,
  findPipelineByName,
  getOrCreateExperiment,
  uploadPipeline,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';

const proxy = kubeServiceProxy({
  namespace: process.env.KFP_SERVICE_NAMESPACE ?? 'kubeflow',
  service: 'ml-pipeline',
  port: 'http',
});
console.log(
  `Context ${proxy.auth.context}: signing as ${proxy.auth.user} (${describe(proxy.auth.credentialSource, proxy.tls?.cert)})`,
);
console.log(`Through the API server's service proxy: ${new URL(proxy.baseUrl).pathname}`);

const kfp = createKfpV2Client({ ...proxy });
const pipelineFile = new URL('../pipelines/hello-world.yaml', import.meta.url);
const pipeline =
  (await findPipelineByName(kfp, { name: 'hello-world' })) ??
  (await uploadPipeline(kfp, { source: { path: pipelineFile }, name: 'hello-world' }));
const experiment = await getOrCreateExperiment(kfp, { name: 'from-kubectl' });
const run = await createRun(kfp, {
  displayName: `hello-world via the API server ${new Date().toISOString()}`,
  experimentId: experiment.experiment_id,
  pipelineVersion: { pipelineId: pipeline.pipeline_id! },
  parameters: { recipient: 'kubectl user' },
});
console.log(`Started run ${run.run_id} in experiment ${experiment.display_name}`);
const finished = await waitForRunCompletion(kfp, run.run_id!, { timeoutMs: 10 * 60_000 });
console.log(`Run finished: ${finished.state}`);
if (finished.state !== 'SUCCEEDED') process.exitCode = 1;

function describe(source: string, clientCertificate: string | undefined): string {
  if (source === 'none') return clientCertificate ? 'client certificate' : 'no credential';
  return clientCertificate ? `${source} and client certificate` : source;
}
