// The same calls over bare openapi-fetch with our generated `paths`: the
// alternative a team would write by hand. Any difference from consumer-ours.ts
// is what our factories and core's declarations cost the type-checker.
import type { paths as KfpV1Paths } from '@ml-platform/kfp-v1';
import type { paths as KfpV2Paths } from '@ml-platform/kfp-v2';
import type { paths as SeldonPaths } from '@ml-platform/seldon-deploy-v1alpha1';
import createClient from 'openapi-fetch';
import { tenKfpV1Calls, tenKfpV2Calls, tenSeldonDeployCalls } from './ten-calls.js';

const headers = { authorization: 'Bearer token' };
export const results = await Promise.all([
  tenKfpV1Calls(
    createClient<KfpV1Paths>({ baseUrl: 'https://kubeflow.example.com/pipeline', headers }),
    'team-a',
  ),
  tenKfpV2Calls(
    createClient<KfpV2Paths>({ baseUrl: 'https://kubeflow.example.com/pipeline', headers }),
    'team-a',
  ),
  tenSeldonDeployCalls(
    createClient<SeldonPaths>({ baseUrl: 'https://ml.example.com/seldon-deploy/api/v1alpha1', headers }),
    'prod',
  ),
]);
