import { optionalText } from '@ml-platform/core';
import { KfpError, KfpErrorCode } from './errors.js';

/** How a run names its experiment, as kfp.Client takes it. */
export interface ExperimentChoice {
  /** The experiment, by id. */
  experimentId?: string | undefined;
  /** The experiment, by name (found or created). */
  experimentName?: string | undefined;
}

/**
 * The checked `experimentId` of a run, or undefined when it goes by name:
 * kfp.Client takes an id or a name, never both
 * (`KFP_EXPERIMENT_CHOICE_CONFLICT`, before anything is sent).
 */
export function experimentIdOf(choice: ExperimentChoice): string | undefined {
  const experimentId = optionalText('experimentId', choice.experimentId, "'3f1c…'");
  if (experimentId !== undefined && choice.experimentName !== undefined) {
    throw new KfpError(
      KfpErrorCode.experimentChoiceConflict,
      'Pass experimentId or experimentName, not both (as kfp.Client refuses both).',
    );
  }
  return experimentId;
}
