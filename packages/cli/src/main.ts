import { CommanderError } from 'commander';
import { ExitCode } from './exit-codes.js';
import { buildProgram } from './program.js';
import { hideOptionValuesInErrors } from './usage-error-output.js';

/**
 * Runs `mlp` with the given arguments and resolves the exit code; never
 * throws. Command modules are imported when their command runs, so
 * `mlp --version` loads commander and nothing else.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  hideOptionValuesInErrors(program, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError too; their exit code is 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    // Loaded only on failure: they bring in @ml-platform/core, which --version and --help never need.
    const [{ reportError }, { redact }] = await Promise.all([
      import('./report-error.js'),
      import('./secrets.js'),
    ]);
    return reportError(error, (line) => process.stderr.write(`${redact(line)}\n`));
  }
}
