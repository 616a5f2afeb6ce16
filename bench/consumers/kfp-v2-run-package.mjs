// A consumer of runPipelinePackage, with the package loader it imports on first use counted in.
import * as loader from '@ml-platform/kfp-pipeline-spec';
import { createKfpV2Client, runPipelinePackage } from '@ml-platform/kfp-v2';

export async function runPackage(baseUrl, path) {
  const kfp = createKfpV2Client({ baseUrl });
  return { loader, result: await runPipelinePackage(kfp, { source: path }) };
}
