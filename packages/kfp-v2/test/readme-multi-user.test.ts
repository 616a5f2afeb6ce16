// Every runnable block of the README, run against a multi-user Kubeflow: the
// test bed's gateway and its stateful KFP emulator, which refuses what a real
// multi-user server refuses (a run without an experiment, a namespace the
// caller may not use). helpers-readme.test.ts holds the same blocks to the
// spec through Prism-checked fakes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeReadmeExamplesOnCluster } from '@ml-platform/testbed/readme-examples/index';

describeReadmeExamplesOnCluster({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  minimumRunnable: 9,
  namespaces: ['team-a'],
  workingDirectory: {
    prefix: 'kfp-v2-readme-cluster-',
    // The project's own compiled pipeline, whose `recipient` parameter the README passes.
    files: {
      'pipeline.yaml': readFileSync(
        new URL('../../../examples/pipelines/hello-world.yaml', import.meta.url),
        'utf8',
      ),
    },
  },
});
