import { readFile } from 'node:fs/promises';
import type { SeldonDeployment } from '@ml-platform/seldon-deploy-v1alpha1';
import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { connectSeldon } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { secondsOption } from '../option-values.js';
import { type Column, printDone, printResult } from '../output/print.js';

const DEPLOYMENT_COLUMNS: Column<SeldonDeployment>[] = [
  { heading: 'Name', value: (deployment) => deployment.metadata?.name },
  { heading: 'Namespace', value: (deployment) => deployment.metadata?.namespace },
  { heading: 'State', value: (deployment) => deployment.status?.state },
  { heading: 'Created at', value: (deployment) => deployment.metadata?.creationTimestamp },
];

export async function deploymentList({ globals }: Invocation) {
  const { client, namespace } = await connectSeldon(globals);
  const { listSeldonDeployments } = await import('@ml-platform/seldon-deploy-v1alpha1');
  await printResult(globals, await listSeldonDeployments(client, namespace), DEPLOYMENT_COLUMNS);
}

export async function deploymentGet({ args: [name = ''], globals }: Invocation) {
  const { client, namespace } = await connectSeldon(globals);
  const { getSeldonDeployment } = await import('@ml-platform/seldon-deploy-v1alpha1');
  await printResult(globals, await getSeldonDeployment(client, namespace, name), DEPLOYMENT_COLUMNS);
}

export async function deploymentCreate({
  options,
  globals,
}: Invocation<{ file: string; wait?: boolean; timeout?: string }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const manifest = await readJsonOrYaml(options.file);
  const { client, namespace } = await connectSeldon(globals);
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  const created = await seldon.createSeldonDeployment(client, manifest as SeldonDeployment, {
    namespace: (manifest as SeldonDeployment).metadata?.namespace ?? namespace,
  });
  const name = created.metadata?.name ?? '';
  process.stderr.write(`SeldonDeployment ${name} created.\n`);
  const result = options.wait
    ? await seldon.waitForSeldonDeploymentAvailable(client, created.metadata?.namespace ?? namespace, name, {
        timeoutMs,
      })
    : created;
  await printResult(globals, result, DEPLOYMENT_COLUMNS);
}

export async function deploymentDelete({ args: [name = ''], globals }: Invocation) {
  const { client, namespace } = await connectSeldon(globals);
  const { deleteSeldonDeployment } = await import('@ml-platform/seldon-deploy-v1alpha1');
  await deleteSeldonDeployment(client, namespace, name);
  await printDone(globals, `SeldonDeployment ${namespace}/${name} deleted.`, {
    name,
    namespace,
    action: 'delete',
  });
}

export async function deploymentWait({
  args: [name = ''],
  options,
  globals,
}: Invocation<{ timeout?: string }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const { client, namespace } = await connectSeldon(globals);
  const { waitForSeldonDeploymentAvailable } = await import('@ml-platform/seldon-deploy-v1alpha1');
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Error('interrupted'));
  process.on('SIGINT', onInterrupt);
  try {
    const available = await waitForSeldonDeploymentAvailable(client, namespace, name, {
      timeoutMs,
      signal: stop.signal,
      onPoll: (deployment) =>
        process.stderr.write(`${name}: ${deployment.status?.state ?? 'no status yet'}\n`),
    });
    process.stderr.write(`SeldonDeployment ${namespace}/${name} is Available.\n`);
    await printResult(globals, available, DEPLOYMENT_COLUMNS);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

export async function deploymentPredict({
  args: [name = ''],
  options,
  globals,
}: Invocation<{ data?: string; file?: string }>) {
  const text = options.data ?? (options.file ? await readFile(options.file, 'utf8') : await readStdin());
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new CliError(
      CliErrorCode.usage,
      'The prediction request must be JSON, e.g. -d \'{"data":{"ndarray":[[5.1,3.5,1.4,0.2]]}}\'.',
      ExitCode.usage,
    );
  }
  const { client, namespace } = await connectSeldon(globals);
  const { predictSeldonDeployment } = await import('@ml-platform/seldon-deploy-v1alpha1');
  const answer = await predictSeldonDeployment(client, namespace, name, payload);
  // A prediction has no table form: JSON unless YAML was asked for.
  await printResult({ ...globals, output: globals.output === 'yaml' ? 'yaml' : 'json' }, answer, []);
}

async function readJsonOrYaml(path: string): Promise<unknown> {
  const { parse } = await import('yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(
      CliErrorCode.usage,
      `Cannot read ${path}: ${(error as Error).message}`,
      ExitCode.usage,
    );
  }
  const manifest: unknown = parse(text);
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw new CliError(
      CliErrorCode.usage,
      `${path} is not a SeldonDeployment manifest (a YAML or JSON object).`,
      ExitCode.usage,
    );
  return manifest;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
