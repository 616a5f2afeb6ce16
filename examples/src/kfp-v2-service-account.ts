/**
 * Kubeflow Pipelines v2beta1 from a pod (a notebook, a CI job): sign each
 * request with the projected ServiceAccount token, upload a pipeline, start a
 * run and wait for it. The plugin re-reads the token when the kubelet rotates
 * it, so a long wait never fails with an expired token.
 *
 * Environment: KF_PIPELINES_ENDPOINT, KFP_NAMESPACE, and KF_PIPELINES_SA_TOKEN_PATH
 * when the token is not at /var/run/secrets/kubeflow/pipelines/token.
 */
import { serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import {
  createKfpV2Client,
  createRun,
  findPipelineByName,
  getOrCreateExperiment,
  listAll,
  uploadPipeline,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import { requireEnv } from './env.js';

const namespace = requireEnv('KFP_NAMESPACE', 'kubeflow-user-example-com');
const pipelineFile = new URL('../pipelines/hello-world.yaml', import.meta.url);

const auth = serviceAccountTokenAuth();
const kfp = createKfpV2Client({ auth });
try {
  // Upload once; later runs of this script reuse the pipeline.
  const pipeline =
    (await findPipelineByName(kfp, { name: 'hello-world', namespace })) ??
    (await uploadPipeline(kfp, { source: { path: pipelineFile }, name: 'hello-world', namespace }));
  console.log(`Pipeline ${pipeline.name} is uploaded (id ${pipeline.pipeline_id})`);

  for await (const listed of listAll(kfp, '/apis/v2beta1/pipelines', { params: { query: { namespace } } })) {
    console.log(`  listed in ${namespace}: ${listed.display_name}`);
  }

  const experiment = await getOrCreateExperiment(kfp, { name: 'examples', namespace });
  const run = await createRun(kfp, {
    displayName: `hello-world ${new Date().toISOString()}`,
    experimentId: experiment.experiment_id,
    pipelineVersion: { pipelineId: pipeline.pipeline_id! },
    parameters: { recipient: 'Kubeflow' },
  });
  console.log(`Started run ${run.run_id} in experiment ${experiment.display_name}: ${run.state}`);

  let lastState = run.state;
  const finished = await waitForRunCompletion(kfp, run.run_id!, {
    timeoutMs: 10 * 60_000,
    onPoll: ({ state }) => {
      if (state !== lastState) console.log(`  run is ${state}`);
      lastState = state;
    },
  });
  console.log(`Run finished: ${finished.state}`);
  if (finished.state !== 'SUCCEEDED') process.exitCode = 1;
} finally {
  // Stops watching the token's directory so the process can exit.
  auth.close();
}
