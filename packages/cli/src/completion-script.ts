import type { Command } from 'commander';
import { CliError, CliErrorCode } from './cli-error.js';
import { ExitCode } from './exit-codes.js';

/** Every command path with the words that may follow it: subcommands and options. */
function wordsByPath(
  command: Command,
  path: string[] = [],
  table = new Map<string, string[]>(),
): Map<string, string[]> {
  const words = [
    ...command.commands.map((sub) => sub.name()),
    ...command.options.flatMap((option) =>
      [option.long, option.short].filter((flag): flag is string => !!flag),
    ),
  ];
  table.set(path.join(' '), words);
  for (const sub of command.commands) wordsByPath(sub, [...path, sub.name()], table);
  return table;
}

export function completionScript(program: Command, shell: string): string {
  if (shell !== 'bash' && shell !== 'zsh') {
    throw new CliError(
      CliErrorCode.usage,
      `mlp completion supports bash and zsh, not "${shell}".`,
      ExitCode.usage,
    );
  }
  const cases = [...wordsByPath(program)]
    .map(([path, words]) => `    "${path}") words="${words.join(' ')}" ;;`)
    .join('\n');
  const bash = `# mlp completion for bash: source <(mlp completion bash)
_mlp_complete() {
  local path="" word
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) path="\${path:+$path }$word" ;; esac
  done
  local words=""
  case "$path" in
${cases}
  esac
  COMPREPLY=( $(compgen -W "$words" -- "\${COMP_WORDS[COMP_CWORD]}") )
}
complete -F _mlp_complete mlp
`;
  return shell === 'bash' ? bash : `#compdef mlp\nautoload -U bashcompinit && bashcompinit\n${bash}`;
}
