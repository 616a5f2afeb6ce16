import type { Command } from 'commander';
import type { GlobalOptions } from './global-options.js';

/** What a command's implementation receives. */
export interface Invocation<Options = Record<string, unknown>> {
  /** Positional arguments; a variadic last argument is spread into the list. */
  args: string[];
  options: Options;
  globals: GlobalOptions;
  command: Command;
}

type Handler = (invocation: Invocation<never>) => Promise<void>;

/**
 * A commander action that imports `module` only when the command runs, so
 * that start-up loads the command tree and nothing else.
 */
export function lazyAction<Module extends Record<string, unknown>>(
  load: () => Promise<Module>,
  name: keyof Module & string,
): (...params: unknown[]) => Promise<void> {
  return async (...params) => {
    const command = params.at(-1) as Command;
    const positional = params.slice(0, -2).flatMap((value) => (Array.isArray(value) ? value : [value]));
    const args = positional.filter((value): value is string => typeof value === 'string');
    const handler = (await load())[name] as Handler;
    await handler({
      args,
      options: command.opts() as never,
      globals: command.optsWithGlobals() as GlobalOptions,
      command,
    });
  };
}

/** Adds an "Examples:" section to a command's --help. */
export function examples(command: Command, lines: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`);
}
