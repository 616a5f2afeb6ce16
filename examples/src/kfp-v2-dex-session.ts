/**
 * Kubeflow Pipelines v2beta1 from outside the cluster as a person: log in
 * through Kubeflow's Dex page (static password or LDAP) the way a browser
 * does, then use the session cookie. The plugin logs in again by itself when
 * the session expires.
 *
 * Environment: KF_PIPELINES_ENDPOINT (https://<kubeflow-host>/pipeline),
 * KUBEFLOW_USERNAME, KUBEFLOW_PASSWORD, KFP_NAMESPACE.
 */
import { dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client, listAll } from '@ml-platform/kfp-v2';
import { requireEnv } from './env.js';

const endpoint = requireEnv('KF_PIPELINES_ENDPOINT', 'https://kubeflow.example.com/pipeline');
const namespace = requireEnv('KFP_NAMESPACE', 'kubeflow-user-example-com');

const auth = dexSessionAuth({
  endpoint,
  username: requireEnv('KUBEFLOW_USERNAME', 'user@example.com'),
  password: requireEnv('KUBEFLOW_PASSWORD', '<your Dex password>'),
});
const kfp = createKfpV2Client({ baseUrl: endpoint, auth });

// listAll follows next_page_token for you.
for await (const experiment of listAll(kfp, '/apis/v2beta1/experiments', {
  params: { query: { namespace } },
})) {
  console.log(`Experiment ${experiment.display_name} (created ${experiment.created_at})`);
  const runs = listAll(kfp, '/apis/v2beta1/runs', {
    params: { query: { experiment_id: experiment.experiment_id } },
    sortBy: 'created_at desc',
  });
  for await (const run of runs) console.log(`  run ${run.display_name}: ${run.state}`);
}
console.log(`Logged in ${auth.logins} time(s) for all of these requests`);
