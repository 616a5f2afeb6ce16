/**
 * Why did a run fail? Its task tree, the failed task's log and the run's
 * metrics, from code instead of the UI: what kfp.Client has no call for.
 * The task tree comes from the KFP API; the log from the KFP UI server's
 * /k8s/pod/logs; the metrics from ML Metadata over gRPC-Web. All of them
 * are signed with the pod's ServiceAccount token, like every other call.
 *
 * Environment: KF_PIPELINES_ENDPOINT, KFP_NAMESPACE, and KF_PIPELINES_SA_TOKEN_PATH
 * when the token is not at /var/run/secrets/kubeflow/pipelines/token.
 */

import { fileURLToPath } from 'node:url';
import { serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import {
  createKfpV2Client,
  getRunMetrics,
  getRunTasks,
  readTaskLogs,
  runPipelinePackage,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import { requireEnv } from './env.js';

const namespace = requireEnv('KFP_NAMESPACE', 'kubeflow-user-example-com');
const pipelineFile = new URL('../pipelines/train-and-evaluate-fails.yaml', import.meta.url);

const auth = serviceAccountTokenAuth();
const kfp = createKfpV2Client({ auth, namespace });
try {
  const { run } = await runPipelinePackage(kfp, {
    source: fileURLToPath(pipelineFile),
    experimentName: 'examples',
    parameters: { recipient: 'Kubeflow' },
  });
  const runId = run.run_id!;
  const finished = await waitForRunCompletion(kfp, runId, { timeoutMs: 10 * 60_000 });
  console.log(`Run ${run.display_name} ended ${finished.state}`);

  const { tasks } = await getRunTasks(kfp, runId);
  console.log(
    `  ${tasks.length} tasks, ${tasks.filter((task) => task.iteration !== undefined).length} loop iterations`,
  );
  const failed = tasks.find((task) => task.state === 'FAILED' && task.children.length === 0);
  if (failed) {
    console.log(`  task ${failed.displayName} FAILED: ${failed.error?.message ?? 'no message'}`);
    let lastLine = '';
    for await (const line of readTaskLogs(kfp, { runId, task: failed.id })) lastLine = line;
    console.log(`  its log ends: ${lastLine}`);
  }

  const [metrics] = await getRunMetrics(kfp, [runId]);
  for (const [task, values] of Object.entries(metrics?.metrics ?? {})) {
    const shown = Object.entries(values).map(([name, value]) => `${name}=${value.toFixed(3)}`);
    console.log(`  metrics of ${task}: ${shown.join(' ')}`);
  }
} finally {
  auth.close();
}
