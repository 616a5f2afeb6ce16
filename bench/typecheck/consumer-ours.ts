// A consumer of our three clients: build them with our factories, make the calls.
import { createKfpV1Client, staticTokenAuth } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { tenKfpV1Calls, tenKfpV2Calls, tenSeldonDeployCalls } from './ten-calls.js';

const auth = staticTokenAuth('token');
export const results = await Promise.all([
  tenKfpV1Calls(createKfpV1Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth }), 'team-a'),
  tenKfpV2Calls(createKfpV2Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth }), 'team-a'),
  tenSeldonDeployCalls(
    createSeldonDeployClient({ baseUrl: 'https://ml.example.com/seldon-deploy/api/v1alpha1', auth }),
    'prod',
  ),
]);
