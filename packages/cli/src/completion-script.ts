import type { Command } from 'commander';
import { CliError, CliErrorCode } from './cli-error.js';
import { bashScript } from './completion-bash.js';
import { fishScript } from './completion-fish.js';
import { completionNodes } from './completion-tree.js';
import { ExitCode } from './exit-codes.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

/** The completion script for `shell`, generated from the command tree, so it never offers a command that does not exist. */
export function completionScript(program: Command, shell: string): string {
  const nodes = completionNodes(program);
  switch (shell) {
    case 'bash':
      return bashScript(nodes);
    case 'zsh':
      // zsh runs bash completion functions through bashcompinit (compgen and complete included).
      return `#compdef mlp\nautoload -U +X bashcompinit && bashcompinit\n${bashScript(nodes)}`;
    case 'fish':
      return fishScript(nodes);
    default:
      throw new CliError(
        CliErrorCode.usage,
        `mlp completion supports ${COMPLETION_SHELLS.join(', ')}, not "${shell}".`,
        ExitCode.usage,
      );
  }
}
