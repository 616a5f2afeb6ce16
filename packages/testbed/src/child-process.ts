import { type ChildProcess, spawn } from 'node:child_process';

const running = new Set<ChildProcess>();
process.once('exit', () => {
  // Leave no process behind, even when a test run is interrupted.
  for (const child of running) child.kill('SIGKILL');
});

export interface ManagedProcess {
  readonly child: ChildProcess;
  /** Everything the process printed so far (last 64 KiB). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node <script> ...args` and resolves once a line of its output matches
 * `ready`; rejects with its output when it exits first or `timeoutMs` passes.
 */
export function startNodeProcess(
  script: string,
  args: string[],
  ready: RegExp,
  timeoutMs = 30_000,
): Promise<ManagedProcess> {
  return startProcess(process.execPath, [script, ...args], ready, { timeoutMs, label: script });
}

export interface StartProcessOptions {
  timeoutMs?: number;
  /** Names the process in errors. Default: the command. */
  label?: string;
  /** Said when the command is not installed, e.g. which Debian package provides it. */
  missingHint?: string;
}

/**
 * Starts `command ...args` and resolves once its output (stdout or stderr)
 * matches `ready`; rejects with its output when it exits first or the timeout
 * passes, and with `missingHint` when the command does not exist.
 */
export function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  options: StartProcessOptions = {},
): Promise<ManagedProcess> {
  const { timeoutMs = 30_000, label: script = command, missingHint } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let spawnError: NodeJS.ErrnoException | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    spawnError = error;
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const managed: ManagedProcess = {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void managed.stop();
      reject(new Error(`${script} did not become ready within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      if (ready.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(managed);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      running.delete(child);
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${script} is not installed (${command} not found on PATH)${missingHint ? `: ${missingHint}` : ''}.`
            : `${script} could not start: ${error.message}`,
          { cause: error },
        ),
      );
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (spawnError) return;
      reject(
        new Error(
          `${script} exited with ${child.exitCode ?? child.signalCode} before it was ready. Output:\n${output}`,
        ),
      );
    });
  });
}
