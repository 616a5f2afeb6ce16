// The README's examples are tests: type-checked and run (they make no request, so the fake is empty).
import { fileURLToPath } from 'node:url';
import { describeReadmeExamples } from '@ml-platform/testbed/readme-examples/index';

describeReadmeExamples({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  api: 'kfp-v2beta1',
  minimumRunnable: 1,
  fake: () => ({
    fetch: async (input) => {
      throw new Error(`the kfp-common README examples make no request, but one went to ${String(input)}`);
    },
    violations: [],
  }),
  workingDirectory: { prefix: 'kfp-common-readme-', files: {} },
});
