// The root README's blocks that talk to Kubeflow, run against a multi-user
// Kubeflow: the test bed's gateway (Dex login behind oauth2-proxy, ServiceAccount
// tokens) and its KFP emulator (v2beta1; v1beta1 is Prism's mock there). Every block is also type-checked by packages/testbed's
// readme-type-check test.
import { fileURLToPath } from 'node:url';
import { describeReadmeExamplesOnCluster } from '@ml-platform/testbed/readme-examples/index';

describeReadmeExamplesOnCluster({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  readme: fileURLToPath(new URL('../../README.md', import.meta.url)),
  // KFP v2 through a Dex login, KFP v1 with the projected ServiceAccount token.
  minimumRunnable: 2,
  onlyKubeflowBlocks: true,
  namespaces: ['team-a'],
});
