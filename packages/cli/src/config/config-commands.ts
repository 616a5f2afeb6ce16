import { type Command, Option } from 'commander';
import { examples, lazyAction } from '../action.js';
import { AUTH_KINDS, OIDC_LOGINS } from './profile-choices.js';

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
        'Create or change a profile (only the settings given change; the global --namespace sets its namespace).',
      )
      .argument('<name>')
      .option('--kfp-endpoint <url>', 'KFP endpoint, e.g. https://kubeflow.example.com/pipeline.')
      .option(
        '--seldon-endpoint <url>',
        'Seldon Deploy endpoint, e.g. https://<host>/seldon-deploy/api/v1alpha1.',
      )
      .addOption(new Option('--auth <kind>', 'How requests are signed.').choices(AUTH_KINDS))
      .option('--issuer <url>', 'OIDC: the issuer URL.')
      .option('--client-id <id>', 'OIDC: the client id (default kubeflow-pipelines-sdk).')
      .addOption(new Option('--login <flow>', 'OIDC: how mlp login logs in.').choices(OIDC_LOGINS))
      .option('--username <name>', 'Dex: the login name.')
      .option('--connector <id>', 'Dex: the connector (default local).')
      .option('--no-use', 'Do not make it the current profile.'),
    [
      'mlp config set-profile dev --kfp-endpoint https://kubeflow.example.com/pipeline --auth dex --username user@example.com',
      'mlp config set-profile prod --auth oidc --issuer https://kubeflow.example.com/dex --login device-code',
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
