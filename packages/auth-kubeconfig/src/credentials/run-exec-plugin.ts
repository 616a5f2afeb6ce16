import { spawn } from 'node:child_process';
import { KubeconfigAuthError, KubeconfigAuthErrorCode } from '../errors.js';
import type { ExecConfig } from '../load/resolved-kubeconfig.js';
import { type ExecCredentialResult, parseExecCredential } from './exec-credential.js';
import { redactPluginOutput } from './redact-plugin-output.js';

/** The variable client-go hands the request to a plugin in (`KUBERNETES_EXEC_INFO`). */
export const EXEC_INFO_ENV = 'KUBERNETES_EXEC_INFO';
/** More than any ExecCredential needs; a plugin printing more is stopped. */
const MAX_STDOUT_BYTES = 1024 * 1024;
const MAX_STDERR_CHARS = 16 * 1024;

export interface ExecRun {
  readonly exec: ExecConfig;
  readonly user: string;
  /** `spec.cluster` for plugins with provideClusterInfo. */
  readonly clusterInfo: Record<string, unknown>;
  /** The environment the plugin inherits, before the entry's `env` is added. */
  readonly env: Record<string, string | undefined>;
  readonly timeoutMs: number;
  /** Whether standard input is a terminal a person can answer prompts on. */
  readonly stdinIsTerminal: boolean;
  /** The token the plugin gave last time, if any: redacted from its stderr like the one it prints now. */
  readonly previousToken?: string | undefined;
}

/**
 * Runs an exec credential plugin as client-go does: the process environment
 * plus the entry's `env`, `KUBERNETES_EXEC_INFO` saying whether it may be
 * interactive (and the cluster, with provideClusterInfo), standard input
 * only when interactive. Its stderr is shown to the user when interactive (it
 * holds the prompts), and kept, redacted, for the error when it fails.
 */
export function runExecPlugin(run: ExecRun): Promise<ExecCredentialResult> {
  const { exec, user } = run;
  const interactive = interactivity(run);
  const spec: Record<string, unknown> = { interactive };
  if (exec.provideClusterInfo) spec.cluster = run.clusterInfo;
  const env: Record<string, string | undefined> = { ...run.env };
  for (const { name, value } of exec.env) env[name] = value;
  env[EXEC_INFO_ENV] = JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec });
  const secrets = exec.env.map(({ value }) => value);
  const describe = `The exec plugin ${exec.command} of kubeconfig user "${user}"`;

  return new Promise((resolve, reject) => {
    // Its own process group (not when interactive: a new session has no terminal to prompt on), so that at the
    // time limit, or once it has exited, what it started in the background (`sleep 9 &` holding stdout) ends too.
    const ownGroup = !interactive && process.platform !== 'win32';
    const child = spawn(exec.command, [...exec.args], {
      env,
      stdio: [interactive ? 'inherit' : 'ignore', 'pipe', 'pipe'],
      windowsHide: true,
      detached: ownGroup,
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let settled = false;
    const endGroup = () => {
      if (ownGroup && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // ESRCH: the group has no process left.
        }
      } else {
        child.kill('SIGKILL');
      }
    };
    const fail = (error: KubeconfigAuthError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      endGroup();
      // Do not wait for the pipes to close: a process that left the group could hold them open.
      child.stdout.destroy();
      child.stderr.destroy();
      reject(error);
    };
    const stderrPart = () => {
      const text = redactPluginOutput(stderr, [
        ...secrets,
        ...tokensIn(Buffer.concat(stdout).toString('utf8')),
        ...(run.previousToken ? [run.previousToken] : []),
      ]);
      return text === '' ? '' : ` Its stderr (redacted): ${text}`;
    };
    const timer = setTimeout(
      () =>
        fail(
          new KubeconfigAuthError(
            KubeconfigAuthErrorCode.execFailed,
            user,
            `${describe} did not finish within ${run.timeoutMs} ms and was stopped, with what it started.${stderrPart()}`,
          ),
        ),
      run.timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_STDOUT_BYTES) {
        fail(
          new KubeconfigAuthError(
            KubeconfigAuthErrorCode.execInvalidOutput,
            user,
            `${describe} printed more than ${MAX_STDOUT_BYTES} bytes, more than an ExecCredential can be, and was stopped.`,
          ),
        );
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (interactive) process.stderr.write(chunk);
      stderr = (stderr + chunk).slice(-MAX_STDERR_CHARS);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT';
      fail(
        new KubeconfigAuthError(
          notFound || error.code === 'EACCES'
            ? KubeconfigAuthErrorCode.execNotFound
            : KubeconfigAuthErrorCode.execFailed,
          user,
          notFound
            ? `${describe} was not found${exec.command.includes('/') ? '' : ' on PATH'}. ` +
                'It looks like you are trying to use a client-go credential plugin that is not installed.' +
                (exec.installHint ? ` ${exec.installHint.trim()}` : '')
            : `${describe} could not be started (${error.code ?? error.message}).` +
                (exec.installHint ? ` ${exec.installHint.trim()}` : ''),
          { cause: error },
        ),
      );
    });
    // The plugin itself has exited: whatever it left running in its group is ended, which closes the pipes.
    child.once('exit', () => {
      if (ownGroup) endGroup();
    });
    child.once('close', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (code !== 0) {
        return reject(
          new KubeconfigAuthError(
            KubeconfigAuthErrorCode.execFailed,
            user,
            `${describe} ${signal ? `was killed by ${signal}` : `failed with exit code ${code}`}.${stderrPart()}`,
          ),
        );
      }
      try {
        resolve(parseExecCredential(Buffer.concat(stdout).toString('utf8'), exec, user));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The credential fields of what the plugin printed (even when it then failed), so its stderr is cleaned of them. */
function tokensIn(stdout: string): string[] {
  try {
    const status = (JSON.parse(stdout) as { status?: Record<string, unknown> } | null)?.status;
    if (typeof status !== 'object' || status === null) return [];
    return Object.values(status).filter(
      (value): value is string => typeof value === 'string' && value !== '',
    );
  } catch {
    return [];
  }
}

/** client-go's rule: Never is never interactive; IfAvailable when stdin is a terminal; Always requires one. */
function interactivity(run: ExecRun): boolean {
  const { interactiveMode } = run.exec;
  if (interactiveMode === 'Never') return false;
  if (interactiveMode === 'IfAvailable') return run.stdinIsTerminal;
  if (!run.stdinIsTerminal) {
    throw new KubeconfigAuthError(
      KubeconfigAuthErrorCode.execNeedsTerminal,
      run.user,
      `The exec plugin ${run.exec.command} of kubeconfig user "${run.user}" has interactiveMode Always, ` +
        'but standard input is not a terminal, so it cannot ask for anything. Run from a terminal, ' +
        'or log in beforehand so the plugin has a cached credential and set interactiveMode to IfAvailable.',
    );
  }
  return true;
}
