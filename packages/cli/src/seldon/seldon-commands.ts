import type { Command } from 'commander';
import { examples, lazyAction } from '../action.js';

const deployments = () => import('./deployment-actions.js');
const coreV2 = () => import('./core-v2-actions.js');
const batchJobs = () => import('./batch-job-actions.js');
const inference = () => import('./inference-actions.js');

const YES = ['-y, --yes', 'Do not ask for confirmation (required when stdin is not a terminal).'] as const;

export function addSeldonCommands(program: Command): void {
  const seldon = program.command('seldon').description('Seldon Deploy (API v1alpha1).');
  addDeploymentCommands(seldon);
  addCoreV2Commands(seldon, 'model', 'Seldon Core v2 Models (mlops.seldon.io/v1alpha1).');
  addCoreV2Commands(seldon, 'pipeline', 'Seldon Core v2 Pipelines (mlops.seldon.io/v1alpha1).');
  addBatchJobCommands(seldon);
  addRequestCommands(seldon);
}

function addDeploymentCommands(seldon: Command): void {
  const deployment = seldon.command('deployment').description('SeldonDeployments of a namespace.');
  examples(deployment.command('list').description('List the SeldonDeployments of the namespace.'), [
    'mlp seldon deployment list --namespace seldon',
  ]).action(lazyAction(deployments, 'deploymentList'));
  examples(deployment.command('get').description('Show a SeldonDeployment.').argument('<name>'), [
    'mlp seldon deployment get iris --output yaml',
  ]).action(lazyAction(deployments, 'deploymentGet'));
  examples(
    seldon
      .command('validate')
      .description('Ask Seldon Deploy whether a SeldonDeployment manifest is valid, without creating it.')
      .requiredOption('-f, --file <path>', 'The SeldonDeployment manifest (YAML or JSON).'),
    ['mlp seldon validate -f iris.yaml'],
  ).action(lazyAction(deployments, 'deploymentValidate'));
  examples(
    deployment
      .command('create')
      .description('Create a SeldonDeployment from a YAML or JSON manifest.')
      .requiredOption('-f, --file <path>', 'The SeldonDeployment manifest.')
      .option('-w, --wait', 'Wait until it is Available.')
      .option('-t, --timeout <seconds>', 'With --wait: give up after this long (exit 5).'),
    ['mlp seldon deployment create -f iris.yaml --wait'],
  ).action(lazyAction(deployments, 'deploymentCreate'));
  examples(
    deployment
      .command('delete')
      .description('Delete a SeldonDeployment (asks first).')
      .argument('<name>')
      .option(...YES),
    ['mlp seldon deployment delete iris', 'mlp seldon deployment delete iris --yes'],
  ).action(lazyAction(deployments, 'deploymentDelete'));
  examples(
    deployment
      .command('wait')
      .description('Wait until a SeldonDeployment is Available.')
      .argument('<name>')
      .option('-t, --timeout <seconds>', 'Give up after this long (exit 5).'),
    ['mlp seldon deployment wait iris -t 300'],
  ).action(lazyAction(deployments, 'deploymentWait'));
  examples(
    deployment
      .command('predict')
      .description("Send a prediction request (the model's protocol, as JSON) and print the answer.")
      .argument('<name>')
      .option('-d, --data <json>', 'The request body; default: read from stdin.')
      .option('-f, --file <path>', 'Read the request body from this file.'),
    [`mlp seldon deployment predict iris -d '{"data":{"ndarray":[[5.1,3.5,1.4,0.2]]}}'`],
  ).action(lazyAction(deployments, 'deploymentPredict'));
}

function addCoreV2Commands(seldon: Command, kind: 'model' | 'pipeline', description: string): void {
  const group = seldon.command(kind).description(description);
  const list = group.command('list').description(`List the ${kind}s of the namespace.`);
  if (kind === 'model') list.requiredOption('--pipeline <name>', 'The pipeline whose models to list.');
  examples(list, [
    kind === 'model' ? 'mlp seldon model list --pipeline iris-pipeline' : 'mlp seldon pipeline list -o wide',
  ]).action(lazyAction(coreV2, 'coreV2List'));
  examples(group.command('get').description(`Show a ${kind}.`).argument('<name>'), [
    `mlp seldon ${kind} get iris -o yaml`,
  ]).action(lazyAction(coreV2, 'coreV2Get'));
  examples(
    group
      .command('create')
      .description(`Create a ${kind} from its YAML or JSON manifest.`)
      .requiredOption('-f, --file <path>', `The ${kind === 'model' ? 'Model' : 'Pipeline'} manifest.`)
      .option('-w, --wait', 'Wait until it is Ready.')
      .option('-t, --timeout <seconds>', 'With --wait: give up after this long (exit 5).'),
    [`mlp seldon ${kind} create -f iris-${kind}.yaml --wait`],
  ).action(lazyAction(coreV2, 'coreV2Create'));
  examples(
    group
      .command('delete')
      .description(`Delete a ${kind} (asks first).`)
      .argument('<name>')
      .option(...YES),
    [`mlp seldon ${kind} delete iris --yes`],
  ).action(lazyAction(coreV2, 'coreV2Delete'));
  examples(
    group
      .command('wait')
      .description(`Wait until a ${kind} is Ready (exit 3 when it fails to load).`)
      .argument('<name>')
      .option('-t, --timeout <seconds>', 'Give up after this long (exit 5).'),
    [`mlp seldon ${kind} wait iris -t 300`],
  ).action(lazyAction(coreV2, 'coreV2Wait'));
}

function target(command: Command): Command {
  return command
    .option('--deployment <name>', 'The SeldonDeployment the job runs against.')
    .option('--pipeline <name>', 'The Seldon Core v2 pipeline the job runs against.');
}

function addBatchJobCommands(seldon: Command): void {
  const batch = seldon
    .command('batch-job')
    .description('Batch jobs: a file of requests sent through a deployment or pipeline.');
  examples(
    target(batch.command('submit').description('Submit a batch job from its definition (YAML or JSON).'))
      .requiredOption('-f, --file <path>', 'The BatchJobDefinition (inputData, outputData, ...).')
      .option('-w, --wait', 'Wait until it has finished.')
      .option('-t, --timeout <seconds>', 'With --wait: give up after this long (exit 5).'),
    ['mlp seldon batch-job submit --deployment iris -f batch.yaml --wait'],
  ).action(lazyAction(batchJobs, 'batchJobSubmit'));
  examples(target(batch.command('get').description('Show a batch job.').argument('<job>')), [
    'mlp seldon batch-job get iris-batch-abc12 --deployment iris',
  ]).action(lazyAction(batchJobs, 'batchJobGet'));
  examples(
    target(batch.command('list').description('List the batch jobs of a deployment or pipeline.')).option(
      '-m, --max-size <n>',
      'List at most this many jobs.',
      '100',
    ),
    ['mlp seldon batch-job list --pipeline iris'],
  ).action(lazyAction(batchJobs, 'batchJobList'));
  examples(
    target(
      batch
        .command('wait')
        .description('Wait until a batch job has finished (exit 3 when it failed).')
        .argument('<job>'),
    ).option('-t, --timeout <seconds>', 'Give up after this long (exit 5).'),
    ['mlp seldon batch-job wait iris-batch-abc12 --deployment iris'],
  ).action(lazyAction(batchJobs, 'batchJobWait'));
}

function request(command: Command): Command {
  return command
    .argument('<name>', 'The SeldonDeployment (or, with --pipeline, the Core v2 pipeline).')
    .option('-f, --file <path>', 'Read the request (JSON) from this file.')
    .option('-d, --data <json>', 'The request as an argument; default: read from stdin.')
    .option('--pipeline', 'The name is a Seldon Core v2 pipeline.');
}

function addRequestCommands(seldon: Command): void {
  examples(
    request(
      seldon.command('infer').description('Send an Open Inference Protocol (V2) request, checked first.'),
    ),
    ['mlp seldon infer iris -f request.json', 'mlp seldon infer iris-pipeline --pipeline -f request.json'],
  ).action(lazyAction(inference, 'infer'));
  examples(request(seldon.command('explain').description("Ask the model's explainer about a request.")), [
    'mlp seldon explain iris -f request.json',
  ]).action(lazyAction(inference, 'explain'));
}
