import { type Command, Option } from 'commander';
import { examples, lazyAction } from '../action.js';
import { OIDC_LOGINS } from '../config/profile-choices.js';

const actions = () => import('./session-actions.js');

export function addSessionCommands(program: Command): void {
  examples(
    program
      .command('login')
      .description(
        "Log in with the profile's auth: OIDC (device code, loopback or out-of-band) or Dex static credentials. " +
          'The password is read from a prompt, or from stdin when it is not a terminal.',
      )
      .addOption(
        new Option('--flow <flow>', "OIDC: log in this way instead of the profile's.").choices(OIDC_LOGINS),
      )
      .option('--username <name>', "Dex: log in as this user instead of the profile's."),
    [
      'mlp login',
      'mlp login --flow loopback',
      'printf "%s\\n" "$PASSWORD" | mlp login --profile ci --username ci@example.com',
    ],
  ).action(lazyAction(actions, 'login'));
  examples(program.command('logout').description("Forget the profile's saved tokens or session."), [
    'mlp logout',
  ]).action(lazyAction(actions, 'logout'));
  examples(program.command('whoami').description('Show who the profile signs requests as.'), [
    'mlp whoami --output json',
  ]).action(lazyAction(actions, 'whoami'));
}
