import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { connectKfp } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { printDone, printResult } from '../output/print.js';
import { PIPELINE_COLUMNS } from './columns.js';
import { type ListFlags, listSettings } from './list-options.js';

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
  await printResult(globals, version, [
    { heading: 'Pipeline Version ID', value: (item) => item.pipeline_version_id },
    { heading: 'Name', value: (item) => item.display_name },
    { heading: 'Pipeline ID', value: (item) => item.pipeline_id },
    { heading: 'Created at', value: (item) => item.created_at },
  ]);
}

export async function pipelineList({ options, globals }: Invocation<ListFlags>) {
  const settings = listSettings(options);
  const { client, namespace } = await connectKfp(globals);
  const { collectAll } = await import('@ml-platform/kfp-v2');
  const pipelines = await collectAll(client, '/apis/v2beta1/pipelines', {
    params: { query: { namespace } },
    ...settings,
  });
  await printResult(globals, pipelines, PIPELINE_COLUMNS);
}

export async function pipelineGet({ args: [pipelineId = ''], globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { unwrap } = await import('@ml-platform/kfp-v2');
  const pipeline = unwrap(
    await client.GET('/apis/v2beta1/pipelines/{pipeline_id}', {
      params: { path: { pipeline_id: pipelineId } },
    }),
  );
  await printResult(globals, pipeline, PIPELINE_COLUMNS);
}

export async function pipelineDelete({ args: [pipelineId = ''], globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { unwrap } = await import('@ml-platform/kfp-v2');
  unwrap(
    await client.DELETE('/apis/v2beta1/pipelines/{pipeline_id}', {
      params: { path: { pipeline_id: pipelineId } },
    }),
  );
  await printDone(globals, `Pipeline ${pipelineId} deleted.`, { pipeline_id: pipelineId, action: 'delete' });
}
