import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { confirmDestructive } from '../confirm-destructive.js';
import { connectKfp } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { printDone, printResult } from '../output/print.js';
import { PIPELINE_COLUMNS, PIPELINE_VERSION_COLUMNS } from './columns.js';
import { printKfpList } from './list-command.js';
import { type ListFlags, listSettings } from './list-options.js';
import { explainDeleteRefusal } from './pipeline-delete-refusal.js';

export async function pipelineUpload({
  args: [packageFile = ''],
  options,
  globals,
}: Invocation<{ pipelineName?: string; description?: string }>) {
  const { client, namespace } = await connectKfp(globals);
  const { uploadPipeline } = await import('@ml-platform/kfp-v2');
  const pipeline = await uploadPipeline(client, {
    source: { path: packageFile },
    name: options.pipelineName,
    description: options.description,
    namespace,
  });
  await printResult(globals, pipeline, PIPELINE_COLUMNS);
}

export async function pipelineUploadVersion({
  args: [packageFile = ''],
  options,
  globals,
}: Invocation<{
  pipelineId?: string;
  pipelineName?: string;
  pipelineVersion?: string;
  description?: string;
}>) {
  if ((options.pipelineId === undefined) === (options.pipelineName === undefined)) {
    throw new CliError(
      CliErrorCode.usage,
      'mlp kfp pipeline upload-version takes exactly one of --pipeline-id and --pipeline-name.',
      ExitCode.usage,
    );
  }
  const { client, namespace } = await connectKfp(globals);
  const { uploadPipelineVersion } = await import('@ml-platform/kfp-v2');
  const common = {
    source: { path: packageFile },
    name: options.pipelineVersion,
    description: options.description,
  };
  const version = await uploadPipelineVersion(
    client,
    options.pipelineId !== undefined
      ? { ...common, pipelineId: options.pipelineId }
      : { ...common, pipelineName: options.pipelineName ?? '', namespace },
  );
  await printResult(globals, version, PIPELINE_VERSION_COLUMNS);
}

export async function pipelineList({ options, globals }: Invocation<ListFlags>) {
  const settings = listSettings(options);
  const { client, namespace } = await connectKfp(globals);
  const { listAll, listPage } = await import('@ml-platform/kfp-v2');
  const query = { namespace };
  await printKfpList(
    globals,
    settings,
    {
      all: (paging) => listAll(client, '/apis/v2beta1/pipelines', { params: { query }, ...paging }),
      page: (paging) => listPage(client, '/apis/v2beta1/pipelines', { params: { query }, ...paging }),
    },
    PIPELINE_COLUMNS,
  );
}

export async function pipelineListVersions({
  args: [pipelineId = ''],
  options,
  globals,
}: Invocation<ListFlags>) {
  const settings = listSettings(options);
  const { client } = await connectKfp(globals);
  const { listAll, listPage } = await import('@ml-platform/kfp-v2');
  const path = '/apis/v2beta1/pipelines/{pipeline_id}/versions';
  const params = { path: { pipeline_id: pipelineId } };
  await printKfpList(
    globals,
    settings,
    {
      all: (paging) => listAll(client, path, { params, ...paging }),
      page: (paging) => listPage(client, path, { params, ...paging }),
    },
    PIPELINE_VERSION_COLUMNS,
  );
}

export async function pipelineGet({ args: [pipelineId = ''], globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { getPipeline } = await import('@ml-platform/kfp-v2');
  await printResult(globals, await getPipeline(client, pipelineId), PIPELINE_COLUMNS);
}

export async function pipelineGetVersion({ args: [pipelineId = '', versionId = ''], globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { getPipelineVersion } = await import('@ml-platform/kfp-v2');
  await printResult(
    globals,
    await getPipelineVersion(client, pipelineId, versionId),
    PIPELINE_VERSION_COLUMNS,
  );
}

export async function pipelineDelete({
  args: [pipelineId = ''],
  options,
  globals,
}: Invocation<{ cascade?: boolean; yes?: boolean }>) {
  const what = options.cascade ? `pipeline ${pipelineId} and all its versions` : `pipeline ${pipelineId}`;
  if (!(await confirmDestructive(`Delete ${what}?`, options.yes))) return;
  const { client } = await connectKfp(globals);
  const { deletePipeline } = await import('@ml-platform/kfp-v2');
  try {
    await deletePipeline(client, pipelineId, { cascade: options.cascade });
  } catch (error) {
    throw explainDeleteRefusal(error, pipelineId);
  }
  await printDone(globals, `Pipeline ${pipelineId} deleted${options.cascade ? ' with its versions' : ''}.`, {
    pipeline_id: pipelineId,
    action: 'delete',
  });
}

export async function pipelineDeleteVersion({
  args: [pipelineId = '', versionId = ''],
  options,
  globals,
}: Invocation<{ yes?: boolean }>) {
  if (!(await confirmDestructive(`Delete version ${versionId} of pipeline ${pipelineId}?`, options.yes)))
    return;
  const { client } = await connectKfp(globals);
  const { deletePipelineVersion } = await import('@ml-platform/kfp-v2');
  await deletePipelineVersion(client, pipelineId, versionId);
  await printDone(globals, `Pipeline version ${versionId} deleted.`, {
    pipeline_id: pipelineId,
    pipeline_version_id: versionId,
    action: 'delete',
  });
}
