import type { KfpV2Client, Run } from '@ml-platform/kfp-v2';

export interface RunPackageRequest {
  packageFile: string;
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
 * `run create`'s one call into the library. Until `runPipelinePackage`
 * (branch kfp-journey: package reading, parameter checks, experiment lookup
 * in one call) is merged, this composes the existing kfp-v2 helpers:
 * get-or-create the experiment, send the compiled spec inline as
 * kfp.Client's `create_run_from_pipeline_package` does.
 */
export async function runPackage(client: KfpV2Client, request: RunPackageRequest): Promise<Run> {
  const { createRun, getOrCreateExperiment } = await import('@ml-platform/kfp-v2');
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('yaml');
  const spec = parse(await readFile(request.packageFile, 'utf8')) as Record<string, unknown> & {
    pipelineInfo?: { name?: string };
  };
  const experimentId =
    request.experimentId ??
    (request.experimentName === undefined
      ? undefined
      : (await getOrCreateExperiment(client, { name: request.experimentName, namespace: request.namespace }))
          .experiment_id);
  return createRun(client, {
    displayName:
      request.displayName ?? `${spec.pipelineInfo?.name ?? 'pipeline'} ${new Date().toISOString()}`,
    experimentId,
    description: request.description,
    parameters: request.parameters,
    pipelineRoot: request.pipelineRoot,
    serviceAccount: request.serviceAccount,
    pipelineSpec: spec,
  });
}
