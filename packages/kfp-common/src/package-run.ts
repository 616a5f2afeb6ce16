import { invalidOption, optionalText } from '@ml-platform/core';
import type { LoadedPipelinePackage, PipelineSource } from '@ml-platform/kfp-pipeline-spec';
import { type CachingOverride, withCachingOverride } from './caching-override.js';
import { defaultRunDisplayName } from './run-display-name.js';

/** What both API versions' `runPipelinePackage` take to prepare the run, before any request. */
export interface PackageRunInput extends CachingOverride {
  /** A file path (Node), `{ text, name? }`, a Blob/File, or an already-parsed pipeline object. */
  source: PipelineSource;
  /** Run-time parameters by name, checked against the package's declared inputs. */
  parameters?: Record<string, unknown> | undefined;
  /** Default: `<pipelineInfo.name> <YYYY-MM-DD HH-mm-ss>`. */
  displayName?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * A pipeline package ready to run: loaded and validated, with its caching override applied and its
 * run's display name and parameters settled.
 */
export interface PreparedPackageRun {
  /** The package as loaded and validated. */
  pipelinePackage: LoadedPipelinePackage;
  /** The pipeline spec with the caching override applied (a copy; the package's own is untouched). */
  pipelineSpec: Record<string, unknown>;
  displayName: string;
}

/**
 * Loads and validates the package, checks the parameters against its declared
 * inputs and applies the caching override, so that nothing is sent for a
 * package or parameters the server would refuse. The package loader is
 * imported here, on first use, so a client that never runs a package does not
 * load it (nor its YAML, protobuf and archive libraries).
 */
export async function preparePackageRun(input: PackageRunInput): Promise<PreparedPackageRun> {
  if (input.enableCaching !== undefined && typeof input.enableCaching !== 'boolean') {
    throw invalidOption('enableCaching must be true or false (or left out to keep the compiled settings).');
  }
  const cacheKey = optionalText('cacheKey', input.cacheKey, "'features-2025-06'");
  const explicitName = optionalText('displayName', input.displayName, "'nightly 2025-06-01'");
  const { checkPipelineParameters, loadPipelinePackage } = await import('@ml-platform/kfp-pipeline-spec');
  const pipelinePackage = await loadPipelinePackage(input.source, { signal: input.signal });
  checkPipelineParameters(pipelinePackage, input.parameters ?? {});
  return {
    pipelinePackage,
    pipelineSpec: withCachingOverride(pipelinePackage.pipelineSpec, {
      enableCaching: input.enableCaching,
      cacheKey,
    }),
    displayName: explicitName ?? defaultRunDisplayName(pipelinePackage.pipelineName),
  };
}
