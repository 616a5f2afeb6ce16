import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { rememberSecret } from '../secrets.js';

/**
 * A password from a masked prompt when stdin is a terminal, else the first
 * line of stdin (`printf '%s\n' "$PASSWORD" | mlp login`). Never from an
 * argument: those end up in shell history and `ps`.
 */
export async function readPassword(label: string): Promise<string> {
  const password = process.stdin.isTTY ? await promptPassword(label) : await firstLineOfStdin();
  if (!password) {
    throw new CliError(
      CliErrorCode.noPassword,
      process.stdin.isTTY
        ? 'No password was entered.'
        : 'No password on stdin. Pipe it in (printf "%s\\n" "$PASSWORD" | mlp ...) or run mlp in a terminal to be asked.',
      ExitCode.usage,
    );
  }
  rememberSecret(password);
  return password;
}

async function promptPassword(label: string): Promise<string> {
  const { isCancel, password } = await import('@clack/prompts');
  const answer = await password({ message: label, output: process.stderr, withGuide: false });
  return isCancel(answer) ? '' : answer;
}

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
