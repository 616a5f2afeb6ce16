import type { Command } from 'commander';
import { examples, lazyAction } from '../action.js';

const actions = () => import('./session-actions.js');

export function addSessionCommands(program: Command): void {
  examples(
    program
      .command('login')
      .description(
        "Log in with the profile's auth: OIDC (device code, loopback, out-of-band, password, client " +
          'credentials) or Dex static credentials, and save the tokens or session for the next commands. ' +
          'The global --flow and --username override the profile. A password comes from MLP_PASSWORD, ' +
          'else a prompt, or stdin when it is not a terminal.',
      ),
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
