import { invalidOption, isNotFound, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonExperiment } from '../schemas.js';
import { type ChangeOptions, changeQuery, namedPath } from './change-query.js';

// Seldon Deploy runs canaries and shadows of Seldon Core v2 pipelines as a
// Core v2 Experiment on the pipeline (`/pipelines/{name}/experiment/...`).
// For SeldonDeployments (Core v1) the API has no such endpoints: a canary
// there is a second predictor with a `traffic` share, written with
// updateSeldonDeployment.

/** The experiment (canary or shadow) running on a pipeline, or undefined when there is none (404). */
export async function findSeldonPipelineExperiment(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SeldonExperiment | undefined> {
  try {
    return unwrap(
      await client.GET('/namespaces/{namespace}/pipelines/{name}/experiment', {
        params: { path: namedPath(namespace, pipeline) },
        signal: options.signal,
      }),
    );
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export interface CanaryOptions extends ChangeOptions {
  /** Share of the traffic the canary receives, an integer from 0 to 100. */
  weight: number;
}

type ExperimentKind = 'canary' | 'shadow';
type ExperimentStep = 'add' | 'promote' | 'remove';

// The six canary and shadow calls are one table: which experiment, and what to do with it.
const EXPERIMENT_PATHS: Record<ExperimentKind, string> = {
  canary: '/namespaces/{namespace}/pipelines/{name}/experiment/canary',
  shadow: '/namespaces/{namespace}/pipelines/{name}/experiment/shadow',
};
const STEP_METHODS = { add: 'POST', promote: 'PUT', remove: 'DELETE' } as const;

type Call = (
  path: string,
  init: {
    params: { path: Record<string, string>; query: Record<string, unknown> };
    signal?: AbortSignal | undefined;
  },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The function that takes `step` on a pipeline's `kind` experiment. */
function experimentStep(kind: ExperimentKind, step: ExperimentStep) {
  return async (
    client: SeldonDeployClient,
    namespace: string,
    pipeline: string,
    options: ChangeOptions & { weight?: number | undefined } = {},
  ): Promise<void> => {
    const query: Record<string, unknown> = { ...changeQuery(options) };
    if (kind === 'canary' && step === 'add') query.weight = checkedWeight(options.weight);
    // Paths from the table above, so not checked against the spec's paths at compile time;
    // Prism checks every one in the tests.
    const call = (client as unknown as Record<'POST' | 'PUT' | 'DELETE', Call>)[STEP_METHODS[step]];
    unwrap(
      await call(EXPERIMENT_PATHS[kind], {
        params: { path: namedPath(namespace, pipeline), query },
        signal: options.signal,
      }),
    );
  };
}

function checkedWeight(weight: unknown): number {
  if (!(typeof weight === 'number' && Number.isInteger(weight) && weight >= 0 && weight <= 100)) {
    throw invalidOption(
      `weight must be an integer from 0 to 100 (percent of traffic), got ${String(weight)}.`,
    );
  }
  return weight;
}

type ExperimentStepFunction<Options> = (
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options?: Options,
) => Promise<void>;

/** Starts a canary of a pipeline, sending it `weight` percent of the traffic. */
export const addSeldonPipelineCanary = experimentStep('canary', 'add') as (
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: CanaryOptions,
) => Promise<void>;
/** Makes the canary the pipeline and ends the experiment. */
export const promoteSeldonPipelineCanary: ExperimentStepFunction<ChangeOptions> = experimentStep(
  'canary',
  'promote',
);
/** Ends the canary, sending all traffic to the pipeline again. */
export const removeSeldonPipelineCanary: ExperimentStepFunction<ChangeOptions> = experimentStep(
  'canary',
  'remove',
);
/** Starts a shadow of a pipeline: it receives a copy of the traffic, and its answers are discarded. */
export const addSeldonPipelineShadow: ExperimentStepFunction<ChangeOptions> = experimentStep('shadow', 'add');
/** Makes the shadow the pipeline and ends the experiment. */
export const promoteSeldonPipelineShadow: ExperimentStepFunction<ChangeOptions> = experimentStep(
  'shadow',
  'promote',
);
/** Ends the shadow. */
export const removeSeldonPipelineShadow: ExperimentStepFunction<ChangeOptions> = experimentStep(
  'shadow',
  'remove',
);
