import { invalidOption, optionalText } from '@ml-platform/core';
import { checkRunParameters } from '@ml-platform/kfp-common';
import type { Parameter, ResourceReference } from '../schemas.js';
import { experimentOwner, pipelineVersionCreator } from './resource-references.js';
import { workflowManifestJson } from './workflow-manifest.js';

/**
 * What a run or job executes: an uploaded pipeline (by version, or by pipeline
 * for its default version), or a compiled Argo workflow given inline.
 */
export type PipelineToRun =
  | {
      pipelineVersion: { pipelineId?: string | undefined; pipelineVersionId?: string | undefined };
      workflowManifest?: never;
    }
  | {
      /** The compiled Argo Workflow: an object, or its YAML or JSON text; sent as JSON text, as kfp.Client does. */
      workflowManifest: string | Record<string, unknown>;
      pipelineVersion?: never;
    };

export interface RunTarget {
  pipeline_spec: {
    pipeline_id?: string | undefined;
    workflow_manifest?: string | undefined;
    parameters?: Parameter[] | undefined;
  };
  resource_references?: ResourceReference[] | undefined;
}

/** The `pipeline_spec` and `resource_references` of a run or job. */
export async function runTarget(
  target: PipelineToRun & {
    experimentId?: string | undefined;
    parameters?: Record<string, unknown> | undefined;
  },
): Promise<RunTarget> {
  const { pipelineVersion, workflowManifest } = target;
  if ((pipelineVersion === undefined) === (workflowManifest === undefined)) {
    throw invalidOption(
      'Pass exactly one of pipelineVersion ({ pipelineId?, pipelineVersionId? }) and workflowManifest (a compiled workflow).',
    );
  }
  const references: ResourceReference[] = [];
  const experimentId = optionalText('experimentId', target.experimentId, "'3f1c…'");
  if (experimentId) references.push(experimentOwner(experimentId));
  const pipeline_spec: RunTarget['pipeline_spec'] = { parameters: parametersOf(target.parameters) };
  if (workflowManifest !== undefined) {
    pipeline_spec.workflow_manifest = await workflowManifestJson(workflowManifest);
  } else {
    const pipelineId = optionalText('pipelineVersion.pipelineId', pipelineVersion?.pipelineId, "'9b2f…'");
    const versionId = optionalText(
      'pipelineVersion.pipelineVersionId',
      pipelineVersion?.pipelineVersionId,
      "'c81d…'",
    );
    if (!pipelineId && !versionId) {
      throw invalidOption(
        'pipelineVersion needs a pipelineVersionId, a pipelineId (its default version), or both.',
      );
    }
    if (versionId) references.push(pipelineVersionCreator(versionId));
    else pipeline_spec.pipeline_id = pipelineId;
  }
  return { pipeline_spec, resource_references: references.length ? references : undefined };
}

/** v1beta1 parameters are name/value strings; structured values travel as JSON, as the Python SDK sends them. */
export function parametersOf(parameters: Record<string, unknown> | undefined): Parameter[] | undefined {
  if (parameters === undefined) return undefined;
  checkRunParameters(parameters);
  return Object.entries(parameters).map(([name, value]) => ({
    name,
    value:
      typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value),
  }));
}
