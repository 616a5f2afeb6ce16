import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { rememberSecret } from '../secrets.js';

/** A password is a line; anything longer than this on stdin is not one. */
const LONGEST_PASSWORD_INPUT = 64 * 1024;

export interface PasswordSource {
  /** `mlp login` (true), or another command that found no valid saved session (false). */
  interactive: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * A password for a login: `MLP_PASSWORD`, else a masked prompt when stdin is
 * a terminal, else the first line of stdin (`printf '%s\n' "$PASSWORD" | mlp
 * login`). Never from an argument: those end up in shell history and `ps`.
 * Called only when a login has to run, so a valid saved session never asks.
 */
export async function loginPassword(label: string, source: PasswordSource): Promise<string> {
  const fromEnv = (source.env ?? process.env).MLP_PASSWORD;
  const password = fromEnv
    ? fromEnv
    : process.stdin.isTTY
      ? await promptPassword(label)
      : await firstLineOfStdin();
  if (!password) {
    if (!source.interactive && !process.stdin.isTTY) {
      throw new CliError(
        CliErrorCode.loginRequired,
        'There is no valid saved session for this profile and no password to log in with. ' +
          'Run mlp login first (in a terminal, or with the password on stdin or in MLP_PASSWORD).',
        ExitCode.authError,
      );
    }
    throw new CliError(
      CliErrorCode.noPassword,
      process.stdin.isTTY
        ? 'No password was entered.'
        : 'No password: set MLP_PASSWORD, pipe it in (printf "%s\\n" "$PASSWORD" | mlp login), or run mlp in a terminal to be asked.',
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
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // The first line is all that is used; stop reading at its end or at the bound.
    if ((chunk as Buffer).includes(0x0a) || size > LONGEST_PASSWORD_INPUT) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
