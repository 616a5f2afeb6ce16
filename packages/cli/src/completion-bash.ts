import type { CompletionNode } from './completion-tree.js';

/** A `case` arm per command path: `"kfp run") value="..." ;;`. */
function cases(nodes: CompletionNode[], value: (node: CompletionNode) => string): string {
  return nodes
    .map((node) => [node.path, value(node)] as const)
    .filter(([, words]) => words !== '')
    .map(([path, words]) => `    "${path}") echo "${words}" ;;`)
    .join('\n');
}

/**
 * bash (and zsh through bashcompinit): the command path is read from the
 * words typed so far, skipping flags and the value after a flag that takes
 * one (`-e nightly`) and positional arguments, so that `mlp kfp run list -e
 * ID --<Tab>` still offers run list's flags. After a file flag (`-f`) and
 * for a file argument, file names; after any other value flag, nothing.
 */
export function bashScript(nodes: CompletionNode[]): string {
  return `# mlp completion for bash: source <(mlp completion bash)
_mlp_subcommands() {
  case "$1" in
${cases(nodes, (node) => node.subcommands.join(' '))}
  esac
}
_mlp_command_words() {
  case "$1" in
${cases(nodes, (node) => node.commandWords.join(' '))}
  esac
}
_mlp_flags() {
  case "$1" in
${cases(nodes, (node) => node.flags.join(' '))}
  esac
}
_mlp_value_flags() {
  case "$1" in
${cases(nodes, (node) => node.valueFlags.join(' '))}
  esac
}
_mlp_file_flags() {
  case "$1" in
${cases(nodes, (node) => node.fileFlags.join(' '))}
  esac
}
_mlp_file_argument() {
  case "$1" in
${cases(nodes, (node) => (node.fileArgument ? 'yes' : ''))}
  esac
}
_mlp_complete() {
  local path="" word skip="" value_flags subcommands positional=""
  local current="\${COMP_WORDS[COMP_CWORD]}" previous=""
  for word in "\${COMP_WORDS[@]:1:$((COMP_CWORD - 1))}"; do
    previous="$word"
    if [[ -n "$skip" ]]; then skip=""; continue; fi
    value_flags=" $(_mlp_value_flags "$path") "
    case "$word" in
      --*=*) continue ;;
      -*) [[ "$value_flags" == *" $word "* ]] && skip=1; continue ;;
    esac
    subcommands=" $(_mlp_command_words "$path") "
    if [[ -z "$positional" && "$subcommands" == *" $word "* ]]; then
      path="\${path:+$path }$word"
    else
      positional=1
    fi
  done
  COMPREPLY=()
  if [[ -n "$skip" ]]; then
    local file_flags=" $(_mlp_file_flags "$path") "
    [[ "$file_flags" == *" $previous "* ]] && COMPREPLY=( $(compgen -f -- "$current") )
    return 0
  fi
  if [[ "$current" == -* ]]; then
    COMPREPLY=( $(compgen -W "$(_mlp_flags "$path")" -- "$current") )
  elif [[ -z "$positional" && -n "$(_mlp_subcommands "$path")" ]]; then
    COMPREPLY=( $(compgen -W "$(_mlp_subcommands "$path")" -- "$current") )
  elif [[ -n "$(_mlp_file_argument "$path")" ]]; then
    COMPREPLY=( $(compgen -f -- "$current") )
  fi
  return 0
}
complete -o filenames -F _mlp_complete mlp
`;
}
