// The README's examples are tests: each ```ts block is type-checked and run
// against an in-memory KFP (helpers-fake-kfp.ts) whose requests Prism checks
// against the v1beta1 spec.
import { fileURLToPath } from 'node:url';
import { describeReadmeExamples } from '@ml-platform/testbed/readme-examples/index';
import { createFakeKfp } from './helpers-fake-kfp.js';

describeReadmeExamples({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  api: 'kfp-v1beta1',
  // The client and every group of helpers.
  minimumRunnable: 5,
  fake: (prismUrl) =>
    createFakeKfp({ origin: 'https://kubeflow.example.com', basePath: '/pipeline', prismUrl }),
  env: { KFP_TOKEN: 'readme-token' },
  // The compiled workflow the examples upload, and a HOME for ~/.config/kfp.
  workingDirectory: {
    prefix: 'kfp-v1-readme-',
    files: {
      'pipeline.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: hello-\n' +
        'spec:\n  entrypoint: hello\n  arguments:\n    parameters:\n    - name: greeting\n      value: hi\n' +
        '  templates:\n  - name: hello\n    container: {image: alpine, command: [echo, hi]}\n',
    },
  },
});
