// `mlp completion bash|zsh|fish` loaded into the real shells (Debian's bash, zsh and fish) in a tmux
// pseudo-terminal, completing as a user presses Tab: commands, flags after a flag's value, file names after -f.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { MLP_BIN } from './mlp-process.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlp-completion-'));
  mkdirSync(join(dir, 'bin'));
  // `mlp` on PATH, as `npm install --global` puts it there.
  writeFileSync(join(dir, 'bin', 'mlp'), `#!/bin/sh\nexec "${process.execPath}" "${MLP_BIN}" "$@"\n`);
  chmodSync(join(dir, 'bin', 'mlp'), 0o755);
  writeFileSync(join(dir, 'pipeline.yaml'), 'pipelineInfo: {name: p}\n');
  writeFileSync(join(dir, 'params.json'), '{}\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A shell in a detached tmux session on its own server socket, started in `dir` with a bare prompt. */
class ShellSession {
  readonly #socket = `mlp-shell-${randomUUID().slice(0, 8)}`;

  constructor(command: string[]) {
    const env = {
      PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      TERM: 'xterm-256color',
      PS1: '$ ',
    };
    const variables = Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
    this.#tmux('new-session', '-d', '-s', 'sh', '-x', '160', '-y', '20', '-c', dir, ...variables, ...command);
  }

  #tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.#tmux('capture-pane', '-p', '-t', 'sh');
  }

  type(text: string): void {
    this.#tmux('send-keys', '-t', 'sh', '-l', text);
  }

  press(...keys: string[]): void {
    this.#tmux('send-keys', '-t', 'sh', ...keys);
  }

  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`The terminal never showed ${pattern}; it shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Types `text`, presses Tab and waits until the line reads `expected` (tmux drops trailing spaces); then clears the line. */
  async complete(text: string, expected: RegExp): Promise<void> {
    this.type(text);
    this.press('Tab');
    await this.waitFor(expected);
    this.press('C-c');
    await new Promise((resolve) => setTimeout(resolve, 300));
    this.press('C-l');
  }

  close(): void {
    try {
      this.#tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

const SHELLS = {
  bash: { command: ['bash', '--norc', '--noprofile'], load: 'source <(mlp completion bash)' },
  zsh: {
    command: ['zsh', '-f'],
    load: "PROMPT='$ '; autoload -U compinit && compinit -u && source <(mlp completion zsh)",
  },
  fish: {
    command: ['fish', '--no-config'],
    load: "function fish_prompt; echo '$ '; end; mlp completion fish | source",
  },
} as const;

describe.each(Object.keys(SHELLS) as (keyof typeof SHELLS)[])('completion in %s', (shell) => {
  it('completes commands, flags after a flag value, and file names after -f', {
    timeout: 120_000,
  }, async () => {
    const session = new ShellSession([...SHELLS[shell].command]);
    try {
      await session.waitFor(/[$#>] ?$/m);
      session.type(SHELLS[shell].load);
      session.press('Enter');
      // Loaded once the shell is back at its prompt.
      session.type('echo loaded-$((1+1))'.replace('$((1+1))', shell === 'fish' ? '(math 1+1)' : '$((1+1))'));
      session.press('Enter');
      await session.waitFor(/^loaded-2$/m, 60_000);
      session.press('C-l');
      await session.complete('mlp kfp recu', /mlp kfp recurring-run$/m);
      await session.complete('mlp seldon batch-j', /mlp seldon batch-job$/m);
      // -e takes a value: "abc" is not read as a command, so run list's flags are still offered.
      await session.complete('mlp kfp run list -e abc --max-s', /mlp kfp run list -e abc --max-size$/m);
      // A global flag's value before the command is skipped the same way.
      await session.complete('mlp --namespace team-a kfp experi', /mlp --namespace team-a kfp experiment$/m);
      await session.complete('mlp kfp run create -f pipel', /mlp kfp run create -f pipeline\.yaml$/m);
      await session.complete('mlp kfp pipeline upload pipel', /mlp kfp pipeline upload pipeline\.yaml$/m);
    } finally {
      session.close();
    }
  });
});
