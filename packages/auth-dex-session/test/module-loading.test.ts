/**
 * The cookie jar (tough-cookie with its public-suffix list) and the HTML
 * parser cost about 100 ms to load; a program pays that at its first login,
 * not when it imports or creates the plugin. Checked in a real Node process
 * whose module resolve hook reports every package it loads.
 */
import { spawn } from 'node:child_process';
import { startDexEmulator } from '@ml-platform/testbed/dex/index';
import { afterEach, expect, it } from 'vitest';
import { PASSWORD, USERNAME } from './cluster.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** Registered in the child: writes `loaded <package>` to stderr the moment a package is resolved. */
const REPORTING_HOOKS = `
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(resolved.url)?.[1];
  if (name) writeSync(2, 'loaded ' + name + '\\n');
  return resolved;
}`;

const PROGRAM = `
import { register } from 'node:module';
import { writeSync } from 'node:fs';
register('data:text/javascript,' + encodeURIComponent(process.env.HOOKS));
const { dexSessionAuth } = await import('@ml-platform/auth-dex-session');
const auth = dexSessionAuth({ endpoint: process.env.ENDPOINT, username: process.env.USER_NAME, password: process.env.PASSWORD });
writeSync(2, 'created\\n');
await auth.cache.get();
writeSync(2, 'logged in\\n');
`;

it('loads tough-cookie and htmlparser2 at the first login, not at import or creation', async () => {
  const emulator = await startDexEmulator();
  stop = () => emulator.stop();
  // Asynchronous (not spawnSync): the emulator runs in this process and must answer the child's login.
  const child = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const program = spawn(process.execPath, ['--input-type=module', '-e', PROGRAM], {
      env: {
        ...process.env,
        HOOKS: REPORTING_HOOKS,
        ENDPOINT: emulator.endpoint,
        USER_NAME: USERNAME,
        PASSWORD,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    program.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    program.on('exit', (status) => resolve({ status, stderr }));
  });
  expect(child.status, child.stderr).toBe(0);
  const lines = child.stderr.split('\n');
  const created = lines.indexOf('created');
  const loggedIn = lines.indexOf('logged in');
  expect(created).toBeGreaterThan(-1);
  expect(loggedIn).toBeGreaterThan(created);
  for (const heavy of ['loaded tough-cookie', 'loaded htmlparser2']) {
    const at = lines.indexOf(heavy);
    expect(at, `${heavy} in\n${child.stderr}`).toBeGreaterThan(created);
    expect(at).toBeLessThan(loggedIn);
  }
});
