import type { KfpV2Client, Run } from '@ml-platform/kfp-v2';
import { typedParameters } from './parameter-text.js';

export interface RunPackageRequest {
  packageFile: string;
  /** As typed on the command line: KEY=VALUE text. */
  parameters: Record<string, string>;
  experimentName?: string;
  experimentId?: string;
  displayName?: string;
  description?: string;
  enableCaching?: boolean;
  namespace?: string;
  pipelineRoot?: string;
  serviceAccount?: string;
}

/**
 * `run create`'s one call into the library: `runPipelinePackage` loads and
 * validates the package, checks the parameters against its declared inputs
 * (KFP_INVALID_PARAMETERS, KFP_INVALID_PIPELINE_PACKAGE) before any request,
 * finds or creates the experiment and sends the spec inline, as kfp.Client's
 * `create_run_from_pipeline_package` does.
 */
export async function runPackage(client: KfpV2Client, request: RunPackageRequest): Promise<Run> {
  const { runPipelinePackage } = await import('@ml-platform/kfp-v2');
  const { loadPipelinePackage } = await import('@ml-platform/kfp-pipeline-spec');
  // Read once for the declared types, so that `a=1` reaches an integer input as 1.
  const { parameters: declared } = await loadPipelinePackage(request.packageFile);
  const { run } = await runPipelinePackage(client, {
    source: request.packageFile,
    parameters: typedParameters(declared, request.parameters),
    experimentName: request.experimentName,
    experimentId: request.experimentId,
    displayName: request.displayName,
    description: request.description,
    // Only an explicit --no-enable-caching overrides what the package was compiled with.
    enableCaching: request.enableCaching === false ? false : undefined,
    namespace: request.namespace,
    pipelineRoot: request.pipelineRoot,
    serviceAccount: request.serviceAccount,
    onWarning: (message) => process.stderr.write(`mlp: warning: ${message}\n`),
  });
  return run;
}
