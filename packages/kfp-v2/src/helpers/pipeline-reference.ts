import { invalidOption, optionalText, requireText } from '@ml-platform/core';
import { checkRunParameters } from '@ml-platform/kfp-common';
import type { PipelineVersionReference } from '../schemas.js';

/**
 * What a run or recurring run executes: an uploaded pipeline (its latest
 * version unless one is named), or a compiled pipeline spec given inline, as
 * kfp.Client does with a package file.
 */
export type PipelineToRun =
  | { pipelineVersion: { pipelineId: string; pipelineVersionId?: string | undefined }; pipelineSpec?: never }
  | { pipelineSpec: Record<string, unknown>; pipelineVersion?: never };

export interface PipelineFields {
  pipeline_version_reference?: PipelineVersionReference | undefined;
  pipeline_spec?: Record<string, never> | undefined;
}

/** The request fields for a {@link PipelineToRun}, after checking exactly one was given. */
export function pipelineFields(target: PipelineToRun): PipelineFields {
  const { pipelineVersion, pipelineSpec } = target;
  if ((pipelineVersion === undefined) === (pipelineSpec === undefined)) {
    throw invalidOption(
      'Pass exactly one of pipelineVersion ({ pipelineId, pipelineVersionId? }) and pipelineSpec (a compiled pipeline object).',
    );
  }
  if (pipelineSpec !== undefined) {
    if (typeof pipelineSpec !== 'object' || pipelineSpec === null || Array.isArray(pipelineSpec)) {
      throw invalidOption(
        'pipelineSpec must be the compiled pipeline as an object (parse the YAML/JSON first).',
      );
    }
    // The generated type says "empty object": upstream declares pipeline_spec as an untyped Struct.
    return { pipeline_spec: pipelineSpec as Record<string, never> };
  }
  return {
    pipeline_version_reference: {
      pipeline_id: requireText('pipelineVersion.pipelineId', pipelineVersion?.pipelineId, "'9b2f…'"),
      pipeline_version_id: optionalText(
        'pipelineVersion.pipelineVersionId',
        pipelineVersion?.pipelineVersionId,
        "'c81d…'",
      ),
    },
  };
}

/** The run's `runtime_config`: parameters and pipeline root, when either is given. */
export function runtimeConfigOf(settings: {
  parameters?: Record<string, unknown>;
  pipelineRoot?: string;
}): { parameters?: Record<string, unknown>; pipeline_root?: string } | undefined {
  const { parameters, pipelineRoot } = settings;
  if (parameters === undefined && pipelineRoot === undefined) return undefined;
  checkRunParameters(parameters);
  return {
    parameters,
    pipeline_root: optionalText('pipelineRoot', pipelineRoot, "'s3://bucket/pipeline-root'"),
  };
}
