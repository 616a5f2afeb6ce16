// `mlp kfp run logs | artifacts | metrics` and the watched task tree, spawned for real against the
// local cluster (gateway, KFP emulator, UI server stand-in with ML Metadata over gRPC-Web).
import { lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';
import { writePipeline } from './pipelines.js';
import { TerminalSession } from './terminal.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
let podEnv: Record<string, string>;
let failedRun: string;
let okRun: string;
const sessions: TerminalSession[] = [];

async function createRun(name: string, watch = false) {
  const file = writePipeline(home.dir, name);
  const args = ['kfp', 'run', 'create', '-f', file, '-e', 'insight', '-o', 'json', 'a=1', 'b=2'];
  return runMlp(watch ? [...args.slice(0, -2), '-w', 'a=1', 'b=2'] : args, podEnv);
}

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy', runTiming: { pendingMs: 300, runningMs: 2500 } });
  home = isolatedHome();
  const env = cluster.env();
  podEnv = {
    ...home.env,
    KF_PIPELINES_ENDPOINT: env.KF_PIPELINES_ENDPOINT!,
    KF_PIPELINES_SA_TOKEN_PATH: env.KF_PIPELINES_SA_TOKEN_PATH!,
    KFP_NAMESPACE: cluster.namespace,
  };
  mkdirSync(join(home.dir, '.config', 'kfp'), { recursive: true });
  const context = join(home.dir, '.config', 'kfp', 'context.json');
  await import('node:fs').then((fs) =>
    fs.writeFileSync(context, JSON.stringify({ namespace: cluster.namespace })),
  );
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

describe('mlp kfp run: inside a run', { timeout: 90_000 }, () => {
  it('watches a failing run as a task tree in plain lines, then exits with the run-failed code', async () => {
    const result = await createRun('insight-fails', true);
    failedRun = String((JSON.parse(result.stdout) as { run_id: string }).run_id);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^ {2}├─ prepare-data +SUCCEEDED +\d/m);
    expect(result.stderr).toMatch(/^ {2}├─ for-loop-1 +SUCCEEDED/m);
    expect(result.stderr).toMatch(/^ {2}│ {2}├─ for-loop-1-iteration-0 +SUCCEEDED/m);
    expect(result.stderr).toMatch(/^ {2}│ {2}│ {2}└─ train +SUCCEEDED/m);
    expect(result.stderr).toMatch(/^ {2}└─ evaluate +FAILED/m);
    expect(result.stderr).toMatch(/^Run .* FAILED in/m);
  });

  it("prints one task's log, and every task's with a prefix, as JSON lines when asked", async () => {
    const one = await runMlp(['kfp', 'run', 'logs', failedRun, '--task', 'evaluate'], podEnv);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split('\n').at(-1)).toBe(
      'ValueError: the validation set has no rows with a label',
    );
    const all = await runMlp(['kfp', 'run', 'logs', failedRun], podEnv);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('[prepare-data] wrote 2 rows');
    expect(all.stdout).toContain('[train[2]] epoch 3/3 accuracy=0.800');
    expect(all.stdout).toMatch(/^\[evaluate\] Traceback/m);
    const json = await runMlp(
      ['kfp', 'run', 'logs', failedRun, '--task', 'prepare-data', '-o', 'json'],
      podEnv,
    );
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))[0],
    ).toEqual({
      task: 'prepare-data',
      line: 'I launcher: executing prepare-data',
    });
    const ambiguous = await runMlp(['kfp', 'run', 'logs', failedRun, '--task', 'train'], podEnv);
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toMatch(/KFP_TASK_AMBIGUOUS/);
  });

  it('follows a running task with -f until it ends', async () => {
    const created = await createRun('insight-follow');
    const runId = String((JSON.parse(created.stdout) as { run_id: string }).run_id);
    const result = await runMlp(['kfp', 'run', 'logs', runId, '--task', 'evaluate', '-f'], podEnv);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'I launcher: executing evaluate',
      'loading models',
      'scoring the validation set',
      'I launcher: evaluate done',
    ]);
    okRun = runId;
  });

  it('lists artifacts as a table and downloads them, never outside the directory', async () => {
    const table = await runMlp(['kfp', 'run', 'artifacts', okRun], podEnv);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^TASK {3,}NAME {3,}TYPE {3,}URI {3,}SIZE/m);
    expect(table.stdout).toMatch(/^train\[1\] {3,}model {3,}system\.Model {3,}minio:\/\/mlpipeline\//m);
    const dir = join(home.dir, 'downloads');
    const downloaded = await runMlp(
      ['kfp', 'run', 'artifacts', okRun, '--download', dir, '-o', 'json'],
      podEnv,
    );
    expect(downloaded.code).toBe(0);
    const rows = JSON.parse(downloaded.stdout) as Array<{ name: string; size: number; path: string }>;
    expect(rows.find((row) => row.path === 'prepare-data/dataset')?.size).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'prepare-data', 'dataset'), 'utf8')).toMatch(/^id,feature,label/);
    expect(readFileSync(join(dir, 'train[0]', 'model', 'variables', 'variables.index'), 'utf8')).toContain(
      'variables index of',
    );
    // A symlink planted where a task's folder goes is refused, not followed.
    const trap = join(home.dir, 'trap');
    mkdirSync(trap);
    symlinkSync(join(home.dir, 'elsewhere'), join(trap, 'prepare-data'));
    const refused = await runMlp(['kfp', 'run', 'artifacts', okRun, '--download', trap], podEnv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('symbolic link');
    expect(() => lstatSync(join(home.dir, 'elsewhere'))).toThrow();
  });

  it('compares the metrics of runs: runs as columns, task.metric as rows', async () => {
    const result = await runMlp(['kfp', 'run', 'metrics', okRun, failedRun], podEnv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(okRun);
    expect(result.stdout).toContain(failedRun);
    expect(result.stdout).toMatch(/^evaluate\.accuracy {3,}0\.91 *$/m);
    expect(result.stdout).toMatch(/^train\[0\]\.accuracy {3,}0\.8 {3,}0\.8 *$/m);
    const yaml = await runMlp(['kfp', 'run', 'metrics', okRun, '-o', 'yaml'], podEnv);
    expect(yaml.stdout).toContain('evaluate:');
  });

  it('draws the task tree in place on a terminal', async () => {
    const created = await createRun('insight-tty');
    const runId = String((JSON.parse(created.stdout) as { run_id: string }).run_id);
    const session = new TerminalSession(['kfp', 'run', 'get', runId, '-w'], podEnv);
    sessions.push(session);
    const screen = await session.waitFor(/│ {2}├─ for-loop-1-iteration-1 +[A-Z]+/);
    expect(screen.match(/prepare-data/g)).toHaveLength(1);
    expect(await session.exitStatus()).toBe(0);
    expect(session.screen().match(/└─ evaluate +SUCCEEDED/g)).toHaveLength(1);
  });
});
