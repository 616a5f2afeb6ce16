// The README's examples are tests: each ```ts block is type-checked and run
// against the test bed's Seldon emulator, whose requests Prism checks
// against the v1alpha1 spec. The emulator changes state on the first read,
// so the examples' waits end without sleeping.
import { fileURLToPath } from 'node:url';
import { createSeldonEmulator } from '@ml-platform/testbed';
import { createSpecCheckedFake } from '@ml-platform/testbed/fetch-fakes/index';
import { describeReadmeExamples } from '@ml-platform/testbed/readme-examples/index';

const IRIS_DEPLOYMENT_YAML = `apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris
  namespace: seldon
spec:
  protocol: v2
  predictors:
    - name: default
      replicas: 1
      graph:
        name: classifier
        implementation: SKLEARN_SERVER
        modelUri: gs://seldon-models/sklearn/iris
      explainer:
        type: AnchorTabular
        modelUri: gs://seldon-models/sklearn/iris-anchor
`;

describeReadmeExamples({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  api: 'seldon-deploy-v1alpha1',
  // The client, the CRUD helpers and every task section.
  minimumRunnable: 12,
  fake: (prismUrl) => {
    const emulator = createSeldonEmulator({
      timing: { deploymentReads: 1, coreV2Reads: 1, deletionReads: 1, batchJobReads: 0 },
    });
    return createSpecCheckedFake({
      origin: 'https://ml.example.com',
      basePath: '/seldon-deploy/api/v1alpha1',
      prismUrl,
      answer: (request, path) => emulator.answer(request, path),
      unauthorized: () =>
        new Response(JSON.stringify({ code: 401, message: 'no credentials' }), { status: 401 }),
    });
  },
  env: { SELDON_TOKEN: 'readme-token' },
  workingDirectory: { prefix: 'seldon-readme-', files: { 'iris-deployment.yaml': IRIS_DEPLOYMENT_YAML } },
});
