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
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
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
        resolve(managed);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(
        new Error(
          `${script} exited with ${child.exitCode ?? child.signalCode} before it was ready. Output:\n${output}`,
        ),
      );
    });
  });
}
