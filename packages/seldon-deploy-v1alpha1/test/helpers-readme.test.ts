// The README's examples are tests: each ```ts block is type-checked and run
// against an in-memory Seldon Deploy (helpers-fake-seldon.ts) whose requests
// Prism checks against the v1alpha1 spec.
import { fileURLToPath } from 'node:url';
import { describeReadmeExamples } from '@ml-platform/testbed/readme-examples/index';
import { createFakeSeldon } from './helpers-fake-seldon.js';

describeReadmeExamples({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  api: 'seldon-deploy-v1alpha1',
  // The client and the helpers.
  minimumRunnable: 3,
  fake: (prismUrl) =>
    createFakeSeldon({ origin: 'https://ml.example.com', basePath: '/seldon-deploy/api/v1alpha1', prismUrl }),
  env: { SELDON_TOKEN: 'readme-token' },
});
