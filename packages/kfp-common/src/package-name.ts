import type { PipelineSource } from '@ml-platform/kfp-pipeline-spec';
import type { PipelinePackageSource } from './pipeline-package.js';

/**
 * `pipelineInfo.name` of a package about to be uploaded, for the upload's
 * default name: KFP's own default is the file name, so a second upload of
 * `pipeline.yaml` collides with the first. Undefined when the package is not
 * a KFP v2 PipelineSpec the loader accepts (an Argo workflow, say): then the
 * server decides, as before, and reports what it finds wrong.
 */
export async function packagePipelineName(source: PipelinePackageSource): Promise<string | undefined> {
  const { loadPipelinePackage, PipelineSpecErrorCode } = await import('@ml-platform/kfp-pipeline-spec');
  try {
    return (await loadPipelinePackage(asLoaderSource(source))).pipelineName || undefined;
  } catch (error) {
    if ((error as { code?: unknown }).code === PipelineSpecErrorCode.invalidPackage) return undefined;
    throw error;
  }
}

function asLoaderSource(source: PipelinePackageSource): PipelineSource {
  if (source instanceof Blob) return source;
  if ('path' in source) {
    return source.path instanceof URL ? decodeURIComponent(source.path.pathname) : source.path;
  }
  return source.fileName === undefined ? { text: source.text } : { text: source.text, name: source.fileName };
}
