import { invalidOption, requireText } from '@ml-platform/core';
import type { PipelineByNameOptions } from './by-name-options.js';
import { KfpError, KfpErrorCode } from './errors.js';

/** Which pipeline gets a new version: its id, or its name (looked up in `namespace`). */
export type PipelineChoice =
  | { pipelineId: string; pipelineName?: never; namespace?: never }
  | {
      pipelineName: string;
      pipelineId?: never;
      /** Where to look the pipeline up by name. */
      namespace?: string;
    };

/**
 * The id of the chosen pipeline, after checking exactly one of id and name was
 * given; `idOfPipelineNamed` looks a name up (undefined when there is none).
 */
export async function resolvePipelineId(
  choice: PipelineChoice & { signal?: AbortSignal },
  idOfPipelineNamed: (options: PipelineByNameOptions) => Promise<string | undefined>,
): Promise<string> {
  const hasId = choice.pipelineId !== undefined;
  const hasName = choice.pipelineName !== undefined;
  if (hasId === hasName) {
    throw invalidOption(
      'Pass exactly one of pipelineId and pipelineName to say which pipeline gets the new version.',
    );
  }
  if (hasId) return requireText('pipelineId', choice.pipelineId, "'9b2f…'");
  const name = requireText('pipelineName', choice.pipelineName, "'fraud-detection'");
  const id = await idOfPipelineNamed({ name, namespace: choice.namespace, signal: choice.signal });
  if (!id) {
    throw new KfpError(
      KfpErrorCode.notFound,
      `No pipeline is named '${name}'${choice.namespace ? ` in namespace '${choice.namespace}'` : ''}. ` +
        'Upload it first with uploadPipeline, or check the name and namespace.',
    );
  }
  return id;
}
