// Minimal consumer of @ml-platform/kfp-pipeline-spec: load a package, check its parameters.
import { checkPipelineParameters, loadPipelinePackage } from '@ml-platform/kfp-pipeline-spec';

export async function loadAndCheck(text, parameters) {
  const pkg = await loadPipelinePackage({ text, name: 'pipeline.yaml' });
  checkPipelineParameters(pkg, parameters);
  return pkg.pipelineSpec;
}
