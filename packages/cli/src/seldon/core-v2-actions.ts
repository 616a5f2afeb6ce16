import type { CoreV2Resource, SeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { confirmDestructive } from '../confirm-destructive.js';
import { connectSeldon } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { secondsOption } from '../option-values.js';
import { type Column, printDone, printResult } from '../output/print.js';
import { untilInterrupted } from './interrupt.js';
import { readObjectDocument } from './read-document.js';

type Seldon = typeof import('@ml-platform/seldon-deploy-v1alpha1');
type Resource = CoreV2Resource & { metadata?: { namespace?: string; creationTimestamp?: string } };

/** What the commands need of one Seldon Core v2 kind; both kinds share every command. */
interface Kind {
  label: 'Model' | 'Pipeline';
  list(client: SeldonDeployClient, namespace: string, pipeline: string | undefined): Promise<Resource[]>;
  get(client: SeldonDeployClient, namespace: string, name: string): Promise<Resource>;
  create(client: SeldonDeployClient, manifest: Record<string, unknown>, namespace: string): Promise<Resource>;
  remove(client: SeldonDeployClient, namespace: string, name: string): Promise<void>;
  wait(
    client: SeldonDeployClient,
    namespace: string,
    name: string,
    options: { timeoutMs?: number; signal: AbortSignal; onPoll: (resource: Resource) => void },
  ): Promise<Resource>;
}

function kinds(seldon: Seldon): Record<'model' | 'pipeline', Kind> {
  return {
    model: {
      label: 'Model',
      list: (client, namespace, pipeline) => {
        // The API lists models per pipeline only (models.ts): there is no namespace-wide list.
        if (!pipeline)
          throw new CliError(
            CliErrorCode.usage,
            'mlp seldon model list needs --pipeline NAME: Seldon Deploy lists the models of a pipeline only.',
            ExitCode.usage,
          );
        return seldon.listSeldonPipelineModels(client, namespace, pipeline);
      },
      get: (client, namespace, name) => seldon.getSeldonModel(client, namespace, name),
      create: (client, manifest, namespace) => seldon.createSeldonModel(client, manifest, { namespace }),
      remove: (client, namespace, name) => seldon.deleteSeldonModel(client, namespace, name),
      wait: (client, namespace, name, options) =>
        seldon.waitForSeldonModelReady(client, namespace, name, options),
    },
    pipeline: {
      label: 'Pipeline',
      list: (client, namespace) => seldon.listSeldonPipelines(client, namespace),
      get: (client, namespace, name) => seldon.getSeldonPipeline(client, namespace, name),
      create: (client, manifest, namespace) => seldon.createSeldonPipeline(client, manifest, { namespace }),
      remove: (client, namespace, name) => seldon.deleteSeldonPipeline(client, namespace, name),
      wait: (client, namespace, name, options) =>
        seldon.waitForSeldonPipelineReady(client, namespace, name, options),
    },
  };
}

const readiness = (resource: Resource) =>
  resource.status?.conditions?.find((condition) => condition.type === 'Ready');

const COLUMNS: Column<Resource>[] = [
  { heading: 'Name', value: (resource) => resource.metadata?.name },
  { heading: 'Ready', value: (resource) => readiness(resource)?.status ?? 'Unknown' },
  { heading: 'Reason', value: (resource) => readiness(resource)?.reason },
  { heading: 'Created at', value: (resource) => resource.metadata?.creationTimestamp },
  { heading: 'Namespace', value: (resource) => resource.metadata?.namespace, wide: true },
  { heading: 'Generation', value: (resource) => resource.metadata?.generation, wide: true },
  { heading: 'Message', value: (resource) => readiness(resource)?.message, wide: true },
];

async function connect(globals: Invocation['globals'], command: Invocation['command']) {
  const { client, namespace } = await connectSeldon(globals);
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  // The command's parent is `model` or `pipeline`.
  const kind = kinds(seldon)[command.parent?.name() as 'model' | 'pipeline'];
  return { client, namespace, kind };
}

export async function coreV2List({ options, globals, command }: Invocation<{ pipeline?: string }>) {
  const { client, namespace, kind } = await connect(globals, command);
  await printResult(globals, await kind.list(client, namespace, options.pipeline), COLUMNS);
}

export async function coreV2Get({ args: [name = ''], globals, command }: Invocation) {
  const { client, namespace, kind } = await connect(globals, command);
  await printResult(globals, await kind.get(client, namespace, name), COLUMNS);
}

export async function coreV2Create({
  options,
  globals,
  command,
}: Invocation<{ file: string; wait?: boolean; timeout?: string }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const label = command.parent?.name() === 'model' ? 'Model' : 'Pipeline';
  const manifest = await readObjectDocument(options.file, `Seldon Core v2 ${label} manifest`);
  const { client, namespace, kind } = await connect(globals, command);
  const manifestNamespace = (manifest.metadata as { namespace?: unknown } | undefined)?.namespace;
  const created = await kind.create(
    client,
    manifest,
    typeof manifestNamespace === 'string' ? manifestNamespace : namespace,
  );
  const name = created.metadata?.name ?? '';
  const where = created.metadata?.namespace ?? namespace;
  process.stderr.write(`${kind.label} ${where}/${name} created.\n`);
  const result = options.wait ? await waitReady(kind, client, where, name, timeoutMs) : created;
  await printResult(globals, result, COLUMNS);
}

export async function coreV2Wait({
  args: [name = ''],
  options,
  globals,
  command,
}: Invocation<{ timeout?: string }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const { client, namespace, kind } = await connect(globals, command);
  await printResult(globals, await waitReady(kind, client, namespace, name, timeoutMs), COLUMNS);
}

export async function coreV2Delete({
  args: [name = ''],
  options,
  globals,
  command,
}: Invocation<{ yes?: boolean }>) {
  const { client, namespace, kind } = await connect(globals, command);
  if (!(await confirmDestructive(`Delete ${kind.label} ${namespace}/${name}?`, options.yes))) return;
  await kind.remove(client, namespace, name);
  await printDone(globals, `${kind.label} ${namespace}/${name} deleted.`, {
    name,
    namespace,
    action: 'delete',
  });
}

async function waitReady(
  kind: Kind,
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  timeoutMs: number | undefined,
): Promise<Resource> {
  let last = '';
  const ready = await untilInterrupted((signal) =>
    kind.wait(client, namespace, name, {
      timeoutMs,
      signal,
      onPoll: (resource) => {
        const state = readiness(resource);
        const line = `${name}: Ready=${state?.status ?? 'Unknown'}${state?.reason ? ` (${state.reason})` : ''}`;
        if (line !== last) process.stderr.write(`${line}\n`);
        last = line;
      },
    }),
  );
  process.stderr.write(`${kind.label} ${namespace}/${name} is Ready.\n`);
  return ready;
}
