// The README's blocks that send a package to Kubeflow, run against a
// multi-user Kubeflow: the test bed's gateway and its KFP emulator, which
// refuses what a real multi-user server refuses. readme.test.ts runs the
// offline blocks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeReadmeExamplesOnCluster } from '@ml-platform/testbed/readme-examples/index';

describeReadmeExamplesOnCluster({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  minimumRunnable: 1,
  onlyKubeflowBlocks: true,
  namespaces: ['team-a'],
  workingDirectory: {
    prefix: 'kfp-pipeline-spec-readme-cluster-',
    files: {
      'pipeline.yaml': readFileSync(
        new URL('../../../examples/pipelines/hello-world.yaml', import.meta.url),
        'utf8',
      ),
    },
  },
});
