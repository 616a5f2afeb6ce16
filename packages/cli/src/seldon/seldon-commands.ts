import type { Command } from 'commander';
import { examples, lazyAction } from '../action.js';

const deployments = () => import('./deployment-actions.js');

export function addSeldonCommands(program: Command): void {
  const seldon = program.command('seldon').description('Seldon Deploy (API v1alpha1).');
  const deployment = seldon.command('deployment').description('SeldonDeployments of a namespace.');
  examples(deployment.command('list').description('List the SeldonDeployments of the namespace.'), [
    'mlp seldon deployment list --namespace seldon',
  ]).action(lazyAction(deployments, 'deploymentList'));
  examples(deployment.command('get').description('Show a SeldonDeployment.').argument('<name>'), [
    'mlp seldon deployment get iris --output yaml',
  ]).action(lazyAction(deployments, 'deploymentGet'));
  examples(
    deployment
      .command('create')
      .description('Create a SeldonDeployment from a YAML or JSON manifest.')
      .requiredOption('-f, --file <path>', 'The SeldonDeployment manifest.')
      .option('-w, --wait', 'Wait until it is Available.')
      .option('-t, --timeout <seconds>', 'With --wait: give up after this long (exit 5).'),
    ['mlp seldon deployment create -f iris.yaml --wait'],
  ).action(lazyAction(deployments, 'deploymentCreate'));
  examples(deployment.command('delete').description('Delete a SeldonDeployment.').argument('<name>'), [
    'mlp seldon deployment delete iris',
  ]).action(lazyAction(deployments, 'deploymentDelete'));
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
