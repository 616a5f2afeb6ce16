import { type Command, Option } from 'commander';
import { examples, lazyAction } from '../action.js';
import { OIDC_FLOWS } from './profile-choices.js';

const actions = () => import('./config-actions.js');

export function addConfigCommands(program: Command): void {
  const config = program
    .command('config')
    .description(
      'Named connection profiles (endpoint, auth kind, namespace) in the config file; no secrets.',
    );
  examples(
    config
      .command('set-profile')
      .description(
        'Create or change a profile: only the settings given change. The connection flags (--auth, --token-file, ' +
          '--issuer, --flow, --ca-file, ... see mlp --help) and --namespace given here are saved in it.',
      )
      .argument('<name>')
      .option('--kfp-endpoint <url>', 'KFP endpoint, e.g. https://kubeflow.example.com/pipeline.')
      .option(
        '--seldon-endpoint <url>',
        'Seldon Deploy endpoint, e.g. https://<host>/seldon-deploy/api/v1alpha1.',
      )
      .addOption(new Option('--login <flow>', 'Old name of --flow.').choices(OIDC_FLOWS).hideHelp())
      .option('--no-use', 'Do not make it the current profile.'),
    [
      'mlp config set-profile dev --kfp-endpoint https://kubeflow.example.com/pipeline --auth dex --username user@example.com',
      'mlp config set-profile prod --auth oidc --issuer https://kubeflow.example.com/dex --flow device-code',
      'mlp config set-profile ci --kfp-endpoint https://kubeflow.example.com/pipeline --auth token --token-file /var/run/secrets/kfp/token',
      'mlp config set-profile robot --auth oidc --issuer https://idp.example.com --client-id robot --client-secret-file ~/.robot-secret --flow client-credentials',
      'mlp config set-profile cluster --auth kubeconfig --context prod --ca-file ./ca.crt',
    ],
  ).action(lazyAction(actions, 'setProfile'));
  examples(config.command('use').description('Make a profile the current one.').argument('<name>'), [
    'mlp config use prod',
  ]).action(lazyAction(actions, 'useProfile'));
  examples(config.command('list').description('List the profiles.'), ['mlp config list']).action(
    lazyAction(actions, 'listProfiles'),
  );
  examples(
    config.command('show').description('Show a profile (default: the current one).').argument('[name]'),
    ['mlp config show dev --output json'],
  ).action(lazyAction(actions, 'showProfile'));
  examples(config.command('delete').description('Delete a profile.').argument('<name>'), [
    'mlp config delete old',
  ]).action(lazyAction(actions, 'deleteProfile'));
  examples(config.command('path').description('Print where the config file is.'), ['mlp config path']).action(
    lazyAction(actions, 'printPath'),
  );
}
