import { createRequire } from 'node:module';
import { ExitCode } from './exit-codes.js';
import { hideOptionValuesInErrors } from './usage-error-output.js';

/**
 * Runs `mlp` with the given arguments and resolves the exit code; never
 * throws. `mlp --version` loads nothing else; any other command loads
 * commander and the command tree, and its own modules when it runs.
 */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === '--version') {
    // Answered before commander and the command tree load: nothing else is needed.
    const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
    process.stdout.write(`${version}\n`);
    return ExitCode.ok;
  }
  const [{ CommanderError }, { buildProgram }] = await Promise.all([
    import('commander'),
    import('./program.js'),
  ]);
  const program = buildProgram();
  hideOptionValuesInErrors(program, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help ends with a CommanderError too; its exit code is 0.
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
