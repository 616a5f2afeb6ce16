import type { CompletionNode } from './completion-tree.js';

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function flagArguments(flag: string): string {
  return flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
}

/**
 * fish: `__mlp_path` reads the command path from the words typed so far,
 * skipping flags, flag values and positional arguments as the bash script
 * does; each path's subcommands and flags are offered only there. Flags that
 * take a file complete to files (`-r -F`), other value flags to nothing
 * (`-x`), and file arguments (`pipeline upload FILE`) to files.
 */
export function fishScript(nodes: CompletionNode[]): string {
  const valueCases = nodes
    .filter((node) => node.valueFlags.length)
    .map(
      (node) =>
        `        case ${quote(node.path)}\n            contains -- $argv[2] ${node.valueFlags.join(' ')}; and return 0`,
    )
    .join('\n');
  const subcommandCases = nodes
    .filter((node) => node.commandWords.length)
    .map(
      (node) =>
        `        case ${quote(node.path)}\n            contains -- $argv[2] ${node.commandWords.join(' ')}; and return 0`,
    )
    .join('\n');
  const lines: string[] = [];
  for (const node of nodes) {
    const at = `-n ${quote(`__mlp_at ${quote(node.path)}`)}`;
    if (node.subcommands.length)
      lines.push(`complete -c mlp -f ${at} -a ${quote(node.subcommands.join(' '))}`);
    else if (node.fileArgument) lines.push(`complete -c mlp -F ${at}`);
    const seen = new Set<string>();
    for (const flag of node.flags) {
      if (seen.has(flag) || !flag.startsWith('--')) continue;
      seen.add(flag);
      const short = node.flags.find((other) => !other.startsWith('--') && pairedLong(node, other) === flag);
      // -r -F: the value is a file name; -x: a value that is not; -f: a flag alone, no file after it.
      const kind = node.fileFlags.includes(flag) ? '-r -F' : node.valueFlags.includes(flag) ? '-x' : '-f';
      lines.push(
        `complete -c mlp ${at} ${flagArguments(flag)}${short ? ` ${flagArguments(short)}` : ''} ${kind}`,
      );
    }
  }
  return `# mlp completion for fish: mlp completion fish > ~/.config/fish/completions/mlp.fish
function __mlp_takes_value
    switch $argv[1]
${valueCases}
    end
    return 1
end
function __mlp_is_subcommand
    switch $argv[1]
${subcommandCases}
    end
    return 1
end
function __mlp_path
    set -l path ''
    set -l skip 0
    set -l positional 0
    for word in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case '--*=*'
                continue
            case '-*'
                __mlp_takes_value "$path" $word; and set skip 1
                continue
        end
        if test $positional = 0; and __mlp_is_subcommand "$path" $word
            set path (string trim -- "$path $word")
        else
            set positional 1
        end
    end
    echo $path
end
function __mlp_at
    test (__mlp_path) = $argv[1]
end
${lines.join('\n')}
`;
}

/** The long spelling that goes with a short one, as the command tree pairs them (in order of declaration). */
function pairedLong(node: CompletionNode, short: string): string | undefined {
  const index = node.flags.indexOf(short);
  const next = node.flags[index + 1];
  return next?.startsWith('--') ? next : undefined;
}
