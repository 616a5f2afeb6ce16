import { ApiError } from '@ml-platform/core';
import { CliError } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/** The CLI's code for a pipeline the server would not delete because it still has versions. */
export const PIPELINE_HAS_VERSIONS = 'CLI_PIPELINE_HAS_VERSIONS';

/**
 * KFP refuses to delete a pipeline that still has versions (FailedPrecondition,
 * HTTP 400, "... has N pipeline version(s)": backend/src/apiserver/resource
 * DeletePipeline); said in mlp's terms, with the two ways out. Any other error
 * is returned as it is.
 */
export function explainDeleteRefusal(error: unknown, pipelineId: string): unknown {
  const said = error instanceof ApiError ? `${error.upstream?.message ?? ''} ${error.message}` : '';
  if (!(error instanceof ApiError) || error.status !== 400 || !/pipeline version/i.test(said)) return error;
  const count = /has (\d+) pipeline version/i.exec(said)?.[1];
  return new CliError(
    PIPELINE_HAS_VERSIONS,
    `Pipeline ${pipelineId} still has ${count ?? 'its'} version${count === '1' ? '' : 's'}, so KFP keeps it. ` +
      `Delete it with its versions: mlp kfp pipeline delete ${pipelineId} --cascade; ` +
      `or see them first: mlp kfp pipeline list-versions ${pipelineId}.`,
    ExitCode.apiError,
    { cause: error },
  );
}
