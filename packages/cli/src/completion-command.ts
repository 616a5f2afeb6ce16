import type { Command } from 'commander';
import { examples } from './action.js';

/**
 * `mlp completion bash|zsh|fish`: a completion script generated from the command
 * tree itself, so it can never list a command that does not exist.
 */
export function addCompletionCommand(program: Command): void {
  examples(
    program
      .command('completion')
      .description('Print a shell completion script (bash, zsh or fish).')
      .argument('[shell]', 'bash, zsh or fish', 'bash')
      .action(async (shell: string) => {
        const { completionScript } = await import('./completion-script.js');
        process.stdout.write(completionScript(program, shell));
      }),
    [
      'source <(mlp completion bash)',
      'mlp completion zsh > ~/.zsh/completions/_mlp',
      'mlp completion fish > ~/.config/fish/completions/mlp.fish',
    ],
  );
}
