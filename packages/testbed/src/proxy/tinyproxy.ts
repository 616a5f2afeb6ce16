import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from '../child-process.js';
import { freePort } from '../free-port.js';

export interface TinyproxyOptions {
  /** Require HTTP Basic proxy credentials (tinyproxy's `BasicAuth user password`). */
  basicAuth?: { user: string; password: string };
}

export interface Tinyproxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  readonly url: string;
  /** Lines tinyproxy logged for each request it handled, e.g. `CONNECT 127.0.0.1:4443 HTTP/1.1`. */
  requestLines(): string[];
  /** Everything tinyproxy printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A real forward proxy: tinyproxy (Debian package `tinyproxy`) with a
 * generated config on a free 127.0.0.1 port, logging every request line, in
 * the foreground so the test owns the process. HTTPS goes through CONNECT to
 * any port (no `ConnectPort` lines: tinyproxy then allows all ports).
 */
export async function startTinyproxy(options: TinyproxyOptions = {}): Promise<Tinyproxy> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ml-platform-tinyproxy-'));
  const config = join(dir, 'tinyproxy.conf');
  const lines = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    'LogLevel Connect',
    'MaxClients 50',
    'Allow 127.0.0.1',
    ...(options.basicAuth ? [`BasicAuth ${options.basicAuth.user} ${options.basicAuth.password}`] : []),
  ];
  writeFileSync(config, `${lines.join('\n')}\n`, { mode: 0o600 });
  try {
    // At LogLevel Connect tinyproxy says nothing once it listens: wait for the config, then for the port.
    const process = await startProcess('tinyproxy', ['-d', '-c', config], /Reloading config file finished/, {
      label: 'tinyproxy',
      missingHint: 'install the Debian package: apt-get install -y tinyproxy',
    });
    try {
      await waitForListener(port);
    } catch (error) {
      await process.stop();
      throw new Error(`tinyproxy did not listen on 127.0.0.1:${port}. Output:\n${process.output()}`, {
        cause: error,
      });
    }
    return {
      url: `http://127.0.0.1:${port}`,
      requestLines: () =>
        [...process.output().matchAll(/Request \(file descriptor \d+\): (.+)$/gm)].map((match) =>
          (match[1] as string).trim(),
        ),
      output: () => process.output(),
      async stop() {
        await process.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Resolves once 127.0.0.1:port accepts a TCP connection; rejects after `timeoutMs`. */
async function waitForListener(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
