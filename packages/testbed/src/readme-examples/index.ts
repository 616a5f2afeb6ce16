export { describeReadmeExamples, type ReadmeExamplesSuite } from './describe-readme-examples.js';
export {
  type ClusterReadmeSuite,
  describeReadmeExamplesOnCluster,
  README_KUBEFLOW_ORIGIN,
  talksToKubeflow,
} from './describe-readme-examples-on-cluster.js';
export { type ReadmeExample, readmeExamples, removeExamples, writeExamples } from './readme-examples.js';
export { typeCheckExamples } from './type-check-examples.js';
