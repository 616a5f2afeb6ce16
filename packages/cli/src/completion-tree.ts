import type { Command, Option } from 'commander';

/** What may follow one command path (`"kfp run create"`), read from the command tree itself. */
export interface CompletionNode {
  /** Words after `mlp`, space-separated; `""` for `mlp` itself. */
  path: string;
  /** The subcommands offered. */
  subcommands: string[];
  /** The words that name a subcommand: their names and aliases (`runs` for `run`, as kfp takes plurals). */
  commandWords: string[];
  /** Every flag spelling (`-f`, `--package-file`), the global ones included. */
  flags: string[];
  /** Flags whose next word is their value, not a command: it is skipped when finding the path. */
  valueFlags: string[];
  /** Flags whose value is a file name: it completes to files. */
  fileFlags: string[];
  /** The command's first argument is a file (`pipeline upload <package-file>`). */
  fileArgument: boolean;
}

const spellings = (option: Option) => [option.short, option.long].filter((flag): flag is string => !!flag);
const takesValue = (option: Option) => option.required || option.optional;
/** Options and arguments named for files, as the commands name them. */
const FILE_NAMES = /(^|-)(file|path)$|^package-file$/;
const isFileOption = (option: Option) =>
  takesValue(option) &&
  FILE_NAMES.test(option.attributeName().replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/** Every command path of the tree, global options (the root's) valid everywhere, as commander takes them. */
export function completionNodes(program: Command): CompletionNode[] {
  const globals = program.options;
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string[]) => {
    const options = command === program ? globals : [...command.options, ...globals];
    const firstArgument = command.registeredArguments[0];
    nodes.push({
      path: path.join(' '),
      subcommands: command.commands.map((sub) => sub.name()),
      commandWords: command.commands.flatMap((sub) => [sub.name(), ...sub.aliases()]),
      flags: [...options.flatMap(spellings), '--help'],
      valueFlags: options.filter(takesValue).flatMap(spellings),
      fileFlags: options.filter(isFileOption).flatMap(spellings),
      fileArgument: firstArgument ? FILE_NAMES.test(firstArgument.name()) : false,
    });
    for (const sub of command.commands) {
      for (const name of [sub.name(), ...sub.aliases()]) visit(sub, [...path, name]);
    }
  };
  visit(program, []);
  return nodes;
}
