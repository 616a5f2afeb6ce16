/**
 * Kubeflow Pipelines v1beta1 with a token you already have: what
 * `existing_token` is to kfp.Client. Get one for a ServiceAccount with
 *
 *   kubectl -n kubeflow-user-example-com create token default-editor --audience pipelines.kubeflow.org
 *
 * The token is sent as it is; when it expires (an hour by default), get
 * another. Inside a pod, prefer the projected token (kfp-v2-service-account.ts).
 *
 * Environment: KF_PIPELINES_ENDPOINT (https://<kubeflow-host>/pipeline), KFP_TOKEN.
 */
import { createKfpV1Client, getHealthz, staticTokenAuth } from '@ml-platform/kfp-v1';
import { requireEnv } from './env.js';

const token = requireEnv(
  'KFP_TOKEN',
  '$(kubectl create token default-editor --audience pipelines.kubeflow.org)',
);

// No baseUrl: the client reads KF_PIPELINES_ENDPOINT, as kfp.Client does.
const kfp = createKfpV1Client({ auth: staticTokenAuth(token) });

const health = await getHealthz(kfp);
console.log(`KFP v1beta1 API answered healthz: multi-user mode ${health.multi_user ? 'on' : 'off'}`);
