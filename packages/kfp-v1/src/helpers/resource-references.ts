import type { ResourceReference } from '../schemas.js';

/**
 * v1beta1 expresses ownership with resource references: a namespace owns an
 * experiment, an experiment owns a run or job, a pipeline version created it.
 */
export function namespaceOwner(namespace: string): ResourceReference {
  return { key: { type: 'NAMESPACE', id: namespace }, relationship: 'OWNER' };
}

export function experimentOwner(experimentId: string): ResourceReference {
  return { key: { type: 'EXPERIMENT', id: experimentId }, relationship: 'OWNER' };
}

export function pipelineVersionCreator(pipelineVersionId: string): ResourceReference {
  return { key: { type: 'PIPELINE_VERSION', id: pipelineVersionId }, relationship: 'CREATOR' };
}

/** The query pair that scopes a v1beta1 list to a namespace. */
export function namespaceQuery(
  namespace: string | undefined,
): { 'resource_reference_key.type': 'NAMESPACE'; 'resource_reference_key.id': string } | undefined {
  return namespace === undefined
    ? undefined
    : { 'resource_reference_key.type': 'NAMESPACE', 'resource_reference_key.id': namespace };
}
