// The README's examples are tests: each ```ts block is type-checked and run
// against an in-memory KFP (helpers-fake-kfp.ts) whose requests Prism checks
// against the v2beta1 spec.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeReadmeExamples } from '@ml-platform/testbed/readme-examples/index';
import { createFakeKfp } from './helpers-fake-kfp.js';

describeReadmeExamples({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  api: 'kfp-v2beta1',
  // The client and every group of helpers.
  minimumRunnable: 9,
  fake: (prismUrl) =>
    createFakeKfp({ origin: 'https://kubeflow.example.com', basePath: '/pipeline', prismUrl }),
  env: { KFP_TOKEN: 'readme-token' },
  // The compiled pipeline the examples upload, and a HOME for ~/.config/kfp.
  workingDirectory: {
    prefix: 'kfp-v2-readme-',
    // The project's own compiled pipeline, whose `recipient` parameter the README passes.
    files: {
      'pipeline.yaml': readFileSync(
        new URL('../../../examples/pipelines/hello-world.yaml', import.meta.url),
        'utf8',
      ),
    },
  },
});
