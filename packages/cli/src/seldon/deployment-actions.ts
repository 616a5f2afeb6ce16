import type { SeldonDeployment } from '@ml-platform/seldon-deploy-v1alpha1';
import type { Invocation } from '../action.js';
import { confirmDestructive } from '../confirm-destructive.js';
import { connectSeldon } from '../connection/clients.js';
import { secondsOption } from '../option-values.js';
import { type Column, printDone, printResult } from '../output/print.js';
import { untilInterrupted } from './interrupt.js';
import { readDocumentText, readJsonRequest } from './read-document.js';

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
  const text = await readDocumentText(options.file, 'SeldonDeployment manifest');
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  // The library reads and checks the manifest (one document, kind, name, spec) and names what is wrong.
  const manifest = await seldon.readSeldonManifest({ text });
  const { client, namespace } = await connectSeldon(globals);
  const created = await seldon.createSeldonDeployment(client, manifest, {
    namespace: manifest.metadata?.namespace ?? namespace,
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

/**
 * Asks Seldon Deploy whether a manifest is valid, without creating it (the
 * API's ValidateSeldonDeployment, as the Python SDK calls it).
 */
export async function deploymentValidate({ options, globals }: Invocation<{ file: string }>) {
  const text = await readDocumentText(options.file, 'SeldonDeployment manifest');
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  const manifest = await seldon.readSeldonManifest({ text });
  const { client, namespace } = await connectSeldon(globals);
  const answer = await seldon.validateSeldonDeployment(client, {
    namespace: manifest.metadata?.namespace ?? namespace,
    deployment: manifest,
  });
  await printResult(globals, answer, [
    { heading: 'Code', value: (message) => message.code },
    { heading: 'Message', value: (message) => message.message },
  ]);
}

export async function deploymentDelete({
  args: [name = ''],
  options,
  globals,
}: Invocation<{ yes?: boolean }>) {
  const { client, namespace } = await connectSeldon(globals);
  if (!(await confirmDestructive(`Delete SeldonDeployment ${namespace}/${name}?`, options.yes))) return;
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
  const available = await untilInterrupted((signal) =>
    waitForSeldonDeploymentAvailable(client, namespace, name, {
      timeoutMs,
      signal,
      onPoll: (deployment) =>
        process.stderr.write(`${name}: ${deployment.status?.state ?? 'no status yet'}\n`),
    }),
  );
  process.stderr.write(`SeldonDeployment ${namespace}/${name} is Available.\n`);
  await printResult(globals, available, DEPLOYMENT_COLUMNS);
}

export async function deploymentPredict({
  args: [name = ''],
  options,
  globals,
}: Invocation<{ data?: string; file?: string }>) {
  const payload = await readJsonRequest(options, '{"data":{"ndarray":[[5.1,3.5,1.4,0.2]]}}');
  const { client, namespace } = await connectSeldon(globals);
  const { predictSeldonDeployment } = await import('@ml-platform/seldon-deploy-v1alpha1');
  const answer = await predictSeldonDeployment(client, namespace, name, payload);
  // A prediction has no table form: JSON unless YAML was asked for.
  await printResult({ ...globals, output: globals.output === 'yaml' ? 'yaml' : 'json' }, answer, []);
}
