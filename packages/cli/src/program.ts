import { type Command, Help, Option, program as rootProgram } from 'commander';
import { addCompletionCommand } from './completion-command.js';
import { addConfigCommands } from './config/config-commands.js';
import { addConnectionOptions } from './connection/connection-options.js';
import { addKfpCommands } from './kfp/kfp-commands.js';
import { addSeldonCommands } from './seldon/seldon-commands.js';
import { addSessionCommands } from './session/session-commands.js';

/**
 * `mlp --version` is answered by main.ts before any parsing, and only as the
 * sole argument: as a commander option it would take `--version` wherever it
 * appears, and `mlp kfp run create --version ID` is the kfp CLI's version flag.
 * It is listed in the root's help all the same.
 */
const VERSION_HELP = new Option('--version', 'Print the version of mlp.');

/** The whole command tree: names, options and help only; each action imports its module when it runs. */
export function buildProgram(): Command {
  const program = rootProgram
    .createCommand('mlp')
    .description('Kubeflow Pipelines and Seldon Deploy from the command line.')
    .configureHelp({
      visibleOptions(command) {
        const options = Help.prototype.visibleOptions.call(this, command);
        return command.parent ? options : [VERSION_HELP, ...options];
      },
    })
    .addOption(
      new Option(
        '--endpoint <url>',
        'API endpoint (KFP: https://<host>/pipeline; Seldon: .../seldon-deploy/api/v1alpha1).',
      ),
    )
    .option('--namespace <name>', 'Kubernetes namespace (KFP profile) to work in.')
    .addOption(
      new Option(
        '-o, --output <format>',
        'Result format: a table on stdout (wide: with more columns), or only JSON or YAML.',
      ).choices(['table', 'wide', 'json', 'yaml']),
    )
    .option('--no-headers', 'Tables without their heading line.')
    .option('--profile <name>', 'Named connection profile from the config file (default: the current one).')
    .option('--debug', 'Print a redacted log of every request on stderr.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(usageLine(text)) })
    .addHelpText(
      'after',
      `
Examples:
  $ mlp config set-profile dev --kfp-endpoint https://kubeflow.example.com/pipeline --auth oidc --issuer https://kubeflow.example.com/dex
  $ mlp login
  $ mlp kfp run create -e nightly -f pipeline.yaml -w learning_rate=0.01
  $ mlp kfp run list --output json

Connection settings come from the flags, else the profile, else the environment
(KF_PIPELINES_ENDPOINT, KF_PIPELINES_SA_TOKEN_PATH, ~/.config/kfp/context.json).`,
    );
  addConnectionOptions(program);
  addKfpCommands(program);
  addSeldonCommands(program);
  addSessionCommands(program);
  addConfigCommands(program);
  addCompletionCommand(program);
  // Every subcommand reports usage errors the same way as the root.
  const propagate = (command: Command) => {
    for (const sub of command.commands) {
      sub
        .exitOverride()
        .showHelpAfterError('(run with --help for usage)')
        .configureOutput({ outputError: (text, write) => write(usageLine(text)) });
      propagate(sub);
    }
  };
  propagate(program);
  return program;
}

/**
 * commander's "error: unknown option '--bogus'" in the form of every other
 * error, `mlp: CLI_USAGE: ...`; the help hint after it is left as it is.
 */
function usageLine(text: string): string {
  return text.replace(/^error: /, 'mlp: CLI_USAGE: ');
}
