import { spawn } from 'node:child_process';
import type { ScriptRuntime } from './script-runtime.js';

export interface ScriptResult {
  /** The exit code, or undefined when the script was stopped (timeout, Ctrl-C). */
  code: number | undefined;
  durationMs: number;
}

/**
 * Runs `node <file>` (or `bun`/`deno`, see ScriptRuntime) the way a user would, with `env` added to the
 * environment, handing each line it prints to `onLine`. The child is stopped
 * when `signal` aborts or `timeoutMs` passes, so nothing outlives the demo.
 */
export function runScript(
  file: string,
  env: Record<string, string>,
  options: {
    signal: AbortSignal;
    timeoutMs: number;
    onLine: (line: string) => void;
    runtime?: ScriptRuntime;
  },
): Promise<ScriptResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      resolve({ code: undefined, durationMs: 0 });
      return;
    }
    const command = options.runtime?.command ?? process.execPath;
    const child = spawn(command, [...(options.runtime?.args ?? []), file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stop = () => child.kill('SIGTERM');
    const timer = setTimeout(stop, options.timeoutMs);
    options.signal.addEventListener('abort', stop, { once: true });
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      });
      stream.on('end', () => {
        if (pending) options.onLine(pending);
      });
    }
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', stop);
      resolve({ code: signal ? undefined : (code ?? undefined), durationMs: performance.now() - started });
    });
  });
}
