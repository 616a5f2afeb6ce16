import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

/** A temporary directory with helpers to write kubeconfigs, files and exec plugins into it. */
export class ScratchDir {
  readonly path = mkdtempSync(join(tmpdir(), 'auth-kubeconfig-'));

  file(relative: string, content: string, mode = 0o600): string {
    const path = join(this.path, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content, { mode });
    chmodSync(path, mode);
    return path;
  }

  /** Writes a kubeconfig (an object as kubectl's YAML has it). */
  kubeconfig(relative: string, config: Record<string, unknown>): string {
    return this.file(relative, stringify({ apiVersion: 'v1', kind: 'Config', ...config }));
  }

  /**
   * A real exec plugin: a node script that appends a line to `calls.log` beside it each time it runs
   * (so tests count invocations), then runs `body` (JavaScript with `calls`, the count so far, in scope).
   */
  execPlugin(relative: string, body: string): { command: string; calls: () => number; log: string } {
    const command = join(this.path, relative);
    const log = `${command}.calls.log`;
    this.file(
      relative,
      `#!${process.execPath}\n` +
        `const fs = require('node:fs');\n` +
        `fs.appendFileSync(${JSON.stringify(log)}, 'x\\n');\n` +
        `const calls = fs.readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').length - 1;\n` +
        `${body}\n`,
      0o755,
    );
    return {
      command,
      log,
      calls: () => {
        try {
          return readFileSync(log, 'utf8').split('\n').length - 1;
        } catch {
          return 0;
        }
      },
    };
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** The JavaScript an exec plugin runs to print an ExecCredential. */
export function printCredential(options: {
  apiVersion?: string;
  token: string;
  expiresInMs?: string;
}): string {
  const apiVersion = options.apiVersion ?? 'client.authentication.k8s.io/v1';
  const expiry =
    options.expiresInMs === undefined
      ? ''
      : `, expirationTimestamp: new Date(Date.now() + (${options.expiresInMs})).toISOString()`;
  return `process.stdout.write(JSON.stringify({ apiVersion: ${JSON.stringify(apiVersion)}, kind: 'ExecCredential', status: { token: ${options.token}${expiry} } }));`;
}
