import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';
import { writePipeline } from './pipelines.js';
import { TerminalSession } from './terminal.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
let podEnv: Record<string, string>;
const sessions: TerminalSession[] = [];

function terminal(
  args: string[],
  env: Record<string, string>,
  size?: { columns: number; rows: number },
): TerminalSession {
  const session = new TerminalSession(args, env, size);
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  // Long enough runs to watch them change on screen and to interrupt them.
  cluster = await startLocalCluster({ mocks: 'lazy', runTiming: { pendingMs: 1500, runningMs: 4000 } });
  home = isolatedHome();
  const env = cluster.env();
  podEnv = {
    ...home.env,
    KF_PIPELINES_ENDPOINT: env.KF_PIPELINES_ENDPOINT!,
    KF_PIPELINES_SA_TOKEN_PATH: env.KF_PIPELINES_SA_TOKEN_PATH!,
  };
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

async function createRun(name: string): Promise<string> {
  const file = writePipeline(home.dir, name);
  const created = await runMlp(
    [
      'kfp',
      'run',
      'create',
      '-f',
      file,
      '-e',
      'tty',
      '--namespace',
      cluster.namespace,
      '-o',
      'json',
      'a=1',
      'b=2',
    ],
    podEnv,
  );
  expect(created.code).toBe(0);
  return String((JSON.parse(created.stdout) as { run_id: string }).run_id);
}

describe('mlp on a terminal', { timeout: 90_000 }, () => {
  it('redraws the run state in place while watching, then prints a table and the summary', async () => {
    const runId = await createRun('watched');
    const session = terminal(['kfp', 'run', 'get', runId, '-w', '--namespace', cluster.namespace], podEnv);
    const running = await session.waitFor(/run watched .* {2}RUNNING {2}\d/);
    // Redrawn in place: one line for the run, whatever number of polls and ticks came before.
    expect(running.match(/^run watched /gm)).toHaveLength(1);
    expect(await session.exitStatus()).toBe(0);
    const screen = session.screen();
    expect(screen).toMatch(/Run watched .* SUCCEEDED in \d/);
    expect(screen).toMatch(/^RUN ID {3,}NAME {3,}CREATED AT/m);
    // No frame left behind: the in-place lines were replaced, never scrolled.
    expect(screen).not.toMatch(/ (RUNNING|PENDING) /);
    expect(screen.match(/^run watched /gm)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('stops watching on Ctrl-C, says the run continues and exits 130; the run is still running', async () => {
    const runId = await createRun('interrupted-hangs');
    const session = terminal(['kfp', 'run', 'get', runId, '-w', '--namespace', cluster.namespace], podEnv);
    await session.waitFor(/PENDING|RUNNING/);
    session.press('C-c');
    expect(await session.exitStatus()).toBe(130);
    expect(session.screen()).toMatch(new RegExp(`Stopped watching\\. Run ${runId} continues`));
    const after = await runMlp(['kfp', 'run', 'get', runId, '-o', 'json'], podEnv);
    expect(JSON.parse(after.stdout)).toMatchObject({ run_id: runId });
    expect((JSON.parse(after.stdout) as { state: string }).state).toMatch(/^(PENDING|RUNNING)$/);
  });

  it('terminates the run on Ctrl-C with --terminate-on-interrupt', async () => {
    const runId = await createRun('terminated-hangs');
    const session = terminal(
      ['kfp', 'run', 'get', runId, '-w', '--terminate-on-interrupt', '--namespace', cluster.namespace],
      podEnv,
    );
    await session.waitFor(/PENDING|RUNNING/);
    session.press('C-c');
    expect(await session.exitStatus()).toBe(130);
    expect(session.screen()).toContain(`asked KFP to terminate run ${runId}`);
    const after = await runMlp(['kfp', 'run', 'get', runId, '-o', 'json'], podEnv);
    expect((JSON.parse(after.stdout) as { state: string }).state).toMatch(/^CANCEL/);
  });

  it('asks before deleting a run: no keeps it, yes deletes it', async () => {
    const runId = await createRun('asked');
    const declined = terminal(['kfp', 'run', 'delete', runId], podEnv);
    await declined.waitFor(new RegExp(`Delete run ${runId}\\?`));
    declined.press('Enter'); // the default answer is No
    expect(await declined.exitStatus()).toBe(0);
    expect(declined.screen()).toContain('Nothing was changed.');
    expect((await runMlp(['kfp', 'run', 'get', runId, '-o', 'json'], podEnv)).code).toBe(0);

    const confirmed = terminal(['kfp', 'run', 'delete', runId], podEnv);
    await confirmed.waitFor(new RegExp(`Delete run ${runId}\\?`));
    confirmed.press('Left'); // to Yes
    confirmed.press('Enter');
    expect(await confirmed.exitStatus()).toBe(0);
    expect(confirmed.screen()).toContain(`Run ${runId} deleted.`);
    expect((await runMlp(['kfp', 'run', 'get', runId], podEnv)).code).toBe(6);
  });

  it('cuts a wide table to the terminal width, as kubectl fits its columns', async () => {
    const description = `a long description ${'that goes on '.repeat(12)}`;
    const created = await runMlp(
      ['kfp', 'experiment', 'create', 'fitted', '-d', description, '--namespace', cluster.namespace],
      podEnv,
    );
    expect(created.code).toBe(0);
    const session = terminal(
      ['kfp', 'experiment', 'list', '-o', 'wide', '--namespace', cluster.namespace],
      podEnv,
      { columns: 100, rows: 40 },
    );
    expect(await session.exitStatus()).toBe(0);
    // The whole pane, history included: the heading may have scrolled above the visible rows.
    const lines = session
      .scrollback()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines[0], session.scrollback()).toMatch(/^EXPERIMENT ID {3,}NAME .*DESCRIPTION$/);
    const fitted = lines.find((line) => line.includes('fitted'));
    expect(fitted).toMatch(/ a long .*…$/);
    // Nothing wrapped: every line fits in 100 columns.
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    // Piped, the same list keeps every character.
    const piped = await runMlp(
      ['kfp', 'experiment', 'list', '-o', 'wide', '--namespace', cluster.namespace],
      podEnv,
    );
    expect(piped.stdout).toContain(description.trimEnd());
  });

  it('asks for the Dex password with a masked prompt and never shows it', async () => {
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
    const session = terminal(['login'], home.env);
    await session.waitFor(new RegExp(`Password for ${username}`));
    session.type(password);
    session.press('Enter');
    expect(await session.exitStatus()).toBe(0);
    const screen = session.screen();
    expect(screen).toContain(`Logged in as ${username} (dex).`);
    expect(screen).not.toContain(password);
  });
});
