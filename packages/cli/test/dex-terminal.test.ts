/**
 * A Dex profile at a terminal (a real pseudo-terminal through tmux): commands
 * use the saved session without asking, and ask once, masked, only when it
 * has expired.
 */
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';
import { TerminalSession } from './terminal.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
const sessions: TerminalSession[] = [];

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  home = isolatedHome();
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

function terminal(args: string[]): TerminalSession {
  const session = new TerminalSession(args, home.env);
  sessions.push(session);
  return session;
}

describe('a Dex profile in a terminal', { timeout: 90_000 }, () => {
  it('asks for the password only when the saved session has expired', async () => {
    const { username, password } = cluster.credentials.dex;
    const profile = await runMlp(
      [
        'config',
        'set-profile',
        'dex',
        '--kfp-endpoint',
        cluster.kfpEndpoint,
        '--auth',
        'dex',
        '--username',
        username,
      ],
      home.env,
    );
    expect(profile.code).toBe(0);
    expect((await runMlp(['login'], home.env, `${password}\n`)).code).toBe(0);

    const valid = terminal(['kfp', 'run', 'list', '--namespace', cluster.namespace]);
    expect(await valid.exitStatus()).toBe(0);
    expect(valid.screen()).not.toContain('Password for');

    cluster.gateway.expireSessions();
    const expired = terminal(['kfp', 'run', 'list', '--namespace', cluster.namespace]);
    await expired.waitFor(new RegExp(`Password for ${username}`));
    expired.type(password);
    expired.press('Enter');
    expect(await expired.exitStatus()).toBe(0);
    expect(expired.screen()).not.toContain(password);

    // The new session was saved: the next command does not ask.
    const after = terminal(['kfp', 'run', 'list', '--namespace', cluster.namespace]);
    expect(await after.exitStatus()).toBe(0);
    expect(after.screen()).not.toContain('Password for');
  });
});
