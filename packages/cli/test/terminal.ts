import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MLP_BIN } from './mlp-process.js';

const RECORDER = fileURLToPath(new URL('./exit-recorder.cjs', import.meta.url));

/**
 * `mlp` in a real pseudo-terminal: a detached tmux session (tmux from
 * Debian's packages) on its own server socket, so stdin, stdout and stderr
 * are a TTY, keys arrive as a user types them, and what the user would see
 * is read back from the pane.
 */
export class TerminalSession {
  readonly #socket = `mlp-test-${randomUUID().slice(0, 8)}`;
  readonly #statusFile = join(tmpdir(), `${this.#socket}.status`);

  constructor(args: string[], env: Record<string, string>, size = { columns: 120, rows: 40 }) {
    const variables = Object.entries({
      PATH: process.env.PATH ?? '',
      TERM: 'xterm-256color',
      ...env,
    }).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
    // mlp runs under exit-recorder.cjs, which records its exit status in a file.
    this.#tmux(
      'new-session',
      '-d',
      '-s',
      'mlp',
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      ...variables,
      process.execPath,
      RECORDER,
      MLP_BIN,
      this.#statusFile,
      ...args,
    );
    this.#tmux('set-option', '-t', 'mlp', 'remain-on-exit', 'on');
  }

  #tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8' });
  }

  /** The visible screen, as plain text. */
  screen(): string {
    return this.#tmux('capture-pane', '-p', '-t', 'mlp');
  }

  /** The screen and the lines scrolled off above it. */
  scrollback(): string {
    return this.#tmux('capture-pane', '-p', '-S', '-', '-t', 'mlp');
  }

  /** Polls the screen until `pattern` matches. */
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

  /** Types text (`literal`) or sends a key such as `C-c` or `Enter`. */
  type(text: string): void {
    this.#tmux('send-keys', '-t', 'mlp', '-l', text);
  }

  press(key: string): void {
    this.#tmux('send-keys', '-t', 'mlp', key);
  }

  /** Resolves mlp's exit status once it has exited. */
  async exitStatus(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (existsSync(this.#statusFile)) {
        const status = readFileSync(this.#statusFile, 'utf8');
        if (status.startsWith('signal')) throw new Error(`mlp was killed by ${status}:\n${this.screen()}`);
        return Number(status);
      }
      if (Date.now() > deadline) throw new Error(`mlp did not exit; the terminal shows:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): void {
    rmSync(this.#statusFile, { force: true });
    try {
      this.#tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
