import type { KfpV2Client, Run } from '@ml-platform/kfp-v2';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/** What `run create` runs: a package file (`-f`), or an uploaded pipeline by id (`-p`) or name (`-n`), at `-v` or its newest version. */
export type RunTarget =
  | { packageFile: string }
  | { pipelineId: string; version?: string }
  | { pipelineName: string; version?: string };

export function runTarget(flags: {
  packageFile?: string;
  pipelineId?: string;
  pipelineName?: string;
  version?: string;
  enableCaching?: boolean;
}): RunTarget {
  const given = [flags.packageFile, flags.pipelineId, flags.pipelineName].filter(
    (flag) => flag !== undefined,
  );
  if (given.length !== 1) {
    throw usage(
      'mlp kfp run create takes exactly one of -f/--package-file, -p/--pipeline-id and -n/--pipeline-name' +
        `${given.length ? `; got ${given.length}` : ''}.`,
    );
  }
  if (flags.packageFile !== undefined) {
    if (flags.version !== undefined)
      throw usage('-v/--version picks a version of -p or -n, not of a -f file.');
    return { packageFile: flags.packageFile };
  }
  if (flags.enableCaching === false)
    throw usage('--no-enable-caching changes a package before it is sent: it goes with -f only.');
  return flags.pipelineId !== undefined
    ? { pipelineId: flags.pipelineId, version: flags.version }
    : { pipelineName: flags.pipelineName ?? '', version: flags.version };
}

export interface RunRequest {
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

const onWarning = (message: string) => process.stderr.write(`mlp: warning: ${message}\n`);

/**
 * `run create`'s call into the library. A package is read and validated once
 * (`loadPipelinePackage`), its declared types given to the text parameters
 * (`parametersFromText`), then run inline by `runPipelinePackage`, which checks
 * the parameters before any request. An uploaded pipeline runs through
 * `runPipelineVersion`, which checks them against the version's stored spec.
 */
export async function startRun(client: KfpV2Client, target: RunTarget, request: RunRequest): Promise<Run> {
  const kfp = await import('@ml-platform/kfp-v2');
  const common = {
    experimentName: request.experimentName,
    experimentId: request.experimentId,
    displayName: request.displayName,
    description: request.description,
    namespace: request.namespace,
    pipelineRoot: request.pipelineRoot,
    serviceAccount: request.serviceAccount,
    onWarning,
  };
  if (!('packageFile' in target)) {
    const choice =
      'pipelineId' in target ? { pipelineId: target.pipelineId } : { pipelineName: target.pipelineName };
    const { run } = await kfp.runPipelineVersion(client, {
      ...common,
      ...choice,
      pipelineVersionId: target.version,
      parameterText: request.parameters,
    });
    return run;
  }
  const { loadPipelinePackage, parametersFromText } = await import('@ml-platform/kfp-pipeline-spec');
  const loaded = await loadPipelinePackage(target.packageFile);
  const { run } = await kfp.runPipelinePackage(client, {
    ...common,
    // The package as already loaded: the file is not read twice.
    source: loaded.platformSpec
      ? { pipeline_spec: loaded.pipelineSpec, platform_spec: loaded.platformSpec }
      : loaded.pipelineSpec,
    parameters: parametersFromText(loaded, request.parameters),
    // Only an explicit --no-enable-caching overrides what the package was compiled with.
    enableCaching: request.enableCaching === false ? false : undefined,
  });
  return run;
}

function usage(message: string): CliError {
  return new CliError(CliErrorCode.usage, message, ExitCode.usage);
}
