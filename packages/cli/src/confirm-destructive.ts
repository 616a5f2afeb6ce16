import { CliError, CliErrorCode } from './cli-error.js';
import { ExitCode } from './exit-codes.js';

/**
 * Asks before a destructive command (delete, terminate) as gh does: on a
 * terminal, a yes/no question on stderr (default no); anywhere else the
 * command needs `--yes`, so a script never hangs on a question nobody sees.
 * Resolves true to go ahead, false when the user said no.
 */
export async function confirmDestructive(question: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new CliError(
      CliErrorCode.usage,
      `${question} Pass --yes (-y) to confirm: stdin is not a terminal, so mlp cannot ask.`,
      ExitCode.usage,
    );
  }
  const { confirm, isCancel } = await import('@clack/prompts');
  const answer = await confirm({
    message: question,
    initialValue: false,
    output: process.stderr,
    withGuide: false,
  });
  if (isCancel(answer) || !answer) {
    process.stderr.write('Nothing was changed.\n');
    return false;
  }
  return true;
}
