/**
 * An inline `pipeline_spec` of `POST /apis/v2beta1/runs`, read as the API
 * server of KFP 2.17.0 reads it. The field is a `google.protobuf.Struct` that
 * holds either the PipelineSpec itself, or `{ pipeline_spec, platform_spec }`
 * (what kfp.Client's `_PipelineDoc.to_dict` sends for a YAML with a second,
 * platform document): backend/src/apiserver/server/api_util.go
 * `pipelineSpecStructToYamlString`. The manifest is then checked by
 * template.New (template/template.go `isPipelineSpec`: `pipelineInfo.name`
 * and `root` present) and `NewV2SpecTemplate` (template/v2_template.go:
 * schemaVersion 2.1.0, a non-empty name, a root component; a platform
 * document counts only when it has `platforms.kubernetes`).
 */
import { RpcError } from './rpc-status.js';

export interface InlinePipeline {
  pipelineSpec: Record<string, unknown>;
  platformSpec?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The server wraps every template failure in CreateRun as an internal error
 * (resource_manager.go `CreateRun`: "Failed to create a run due to error
 * fetching manifest"), so a bad inline spec answers 500, code 13, with the
 * InvalidInputError text inside the message.
 */
function invalidManifest(detail: string): RpcError {
  return new RpcError(
    'Internal',
    'Failed to create a run due to error fetching manifest: Failed to fetch a template with an invalid ' +
      `pipeline spec manifest: InvalidInputError: ${detail}: pipeline spec is invalid`,
  );
}

export function readInlinePipeline(struct: Record<string, unknown>): InlinePipeline {
  const wrapped = 'pipeline_spec' in struct;
  const pipelineSpec = wrapped ? struct.pipeline_spec : struct;
  const platform = wrapped ? struct.platform_spec : undefined;
  if (!isRecord(pipelineSpec)) throw invalidManifest('unknown template format');
  const info = pipelineSpec.pipelineInfo;
  const name = isRecord(info) && typeof info.name === 'string' ? info.name : '';
  if (name === '' || !isRecord(pipelineSpec.root)) throw invalidManifest('unknown template format');
  if (pipelineSpec.schemaVersion !== '2.1.0') {
    throw invalidManifest(
      `KFP only supports schema version 2.1.0, but the pipeline spec has version ${String(pipelineSpec.schemaVersion ?? '')}`,
    );
  }
  // The server's name check is an unanchored regexp: any name with a lower-case letter or digit passes.
  if (!/[a-z0-9]/.test(name)) {
    throw invalidManifest(
      "invalid v2 pipeline spec: name should consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    );
  }
  const hasKubernetes =
    isRecord(platform) && isRecord(platform.platforms) && 'kubernetes' in platform.platforms;
  return hasKubernetes ? { pipelineSpec, platformSpec: platform } : { pipelineSpec };
}

/** `pipelineInfo.name` of a stored pipeline spec (inline, or a version's), or '' when it has none. */
export function pipelineNameOf(spec: unknown): string {
  if (!isRecord(spec)) return '';
  const inner = 'pipeline_spec' in spec ? spec.pipeline_spec : spec;
  const info = isRecord(inner) ? inner.pipelineInfo : undefined;
  return isRecord(info) && typeof info.name === 'string' ? info.name : '';
}
