import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Files that spawn mlp give each test 90 s ({ timeout: 90_000 } on their describe blocks) and wait up to
// 30 s for output: a fresh Node process per command on a shared 2-core machine can take seconds to start.

/** The committed launcher, found through the package as a user's `npx mlp` finds it. */
export const MLP_BIN = join(
  dirname(createRequire(import.meta.url).resolve('@ml-platform/cli/package.json')),
  'bin',
  'mlp.js',
);

export interface MlpResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningMlp {
  /** Resolves when the process exits. */
  result: Promise<MlpResult>;
  /** Resolves with stderr so far once it matches `pattern`. */
  stderrMatching(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  write(text: string): void;
  kill(signal?: NodeJS.Signals): void;
}

/** Starts `node bin/mlp.js ...args` with exactly `env` (plus PATH), stdin a pipe. */
export function startMlp(args: string[], env: Record<string, string>, stdin?: string): RunningMlp {
  const child = spawn(process.execPath, [MLP_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const wake of waiters) wake();
  });
  if (stdin !== undefined) child.stdin.end(stdin);
  const result = new Promise<MlpResult>((resolve) => {
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    result,
    stderrMatching(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = stderr.match(pattern);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`stderr did not match ${pattern} within ${timeoutMs} ms:\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        void result.then(() => {
          if (waiters.has(check)) {
            cleanup();
            reject(new Error(`mlp exited before stderr matched ${pattern}:\n${stderr}`));
          }
        });
        check();
      });
    },
    write(text) {
      child.stdin.write(text);
    },
    kill(signal = 'SIGTERM') {
      child.kill(signal);
    },
  };
}

/** Runs mlp to completion; stdin is closed at once (or fed `stdin`). */
export function runMlp(args: string[], env: Record<string, string>, stdin = ''): Promise<MlpResult> {
  return startMlp(args, env, stdin).result;
}

/** A fresh HOME and XDG_CONFIG_HOME, so no test reads the developer's own config or kfp context. */
export function isolatedHome(): { env: Record<string, string>; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mlp-test-'));
  return {
    dir,
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
