// Seeing inside a run from code: its task tree, a task's log, its artifacts and metrics, against
// the test bed's KFP API emulator and its KFP UI server stand-in (pod logs, artifacts, ML Metadata
// over gRPC-Web), on a clock the test moves.
import {
  createKfpV2Client,
  getRunMetrics,
  getRunTasks,
  KfpError,
  type KfpV2Client,
  listRunArtifacts,
  RunInsightErrorCode,
  readArtifact,
  readTaskLogs,
  staticTokenAuth,
} from '@ml-platform/kfp-v2';
import { type RunBed, startRunBed } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let bed: RunBed;
let kfp: KfpV2Client;
let failed: string;
let succeeded: string;

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

beforeAll(async () => {
  bed = await startRunBed();
  kfp = createKfpV2Client({ baseUrl: bed.api.url, uiBaseUrl: bed.ui.url, auth: staticTokenAuth('t') });
  failed = await bed.createRun('demo-fails');
  succeeded = await bed.createRun('demo');
});
afterAll(() => bed?.stop());

describe('getRunTasks', () => {
  it('has no tasks while the run is pending, then a tree that keeps loops and iterations', async () => {
    expect((await getRunTasks(kfp, failed)).tasks).toEqual([]);
    bed.advance(1200); // RUNNING since 500 ms: prepare-data done (600 ms), the loop running
    const running = await getRunTasks(kfp, failed);
    const [root] = running.roots;
    expect(running.roots).toHaveLength(1);
    expect(root?.children.map((task) => [task.name, task.state])).toEqual([
      ['prepare-data', 'SUCCEEDED'],
      ['for-loop-1', 'RUNNING'],
    ]);
    const loop = root?.children[1];
    expect(loop?.children.map((task) => [task.displayName, task.name, task.iteration])).toEqual([
      ['for-loop-1-iteration-0', 'for-loop-1', 0],
      ['for-loop-1-iteration-1', 'for-loop-1', 1],
      ['for-loop-1-iteration-2', 'for-loop-1', 2],
    ]);
    expect(loop?.children[2]?.children[0]).toMatchObject({
      name: 'train',
      state: 'RUNNING',
      podName: expect.any(String),
    });
    expect(loop?.children[2]?.children[0]?.finishedAt).toBeUndefined();

    bed.advance(10_000);
    const done = await getRunTasks(kfp, failed);
    const evaluate = done.tasks.find((task) => task.name === 'evaluate');
    expect(evaluate).toMatchObject({
      state: 'FAILED',
      error: { message: expect.stringContaining('evaluate') },
    });
    expect(evaluate?.finishedAt?.getTime()).toBeGreaterThanOrEqual(
      evaluate?.startedAt?.getTime() ?? Infinity,
    );
    expect(done.roots[0]?.state).toBe('FAILED');
    expect(done.tasks).toHaveLength(10);
  });
});

describe('readTaskLogs', () => {
  it("reads a failed task's log, traceback included", async () => {
    const lines = await collect(readTaskLogs(kfp, { runId: failed, task: 'evaluate' }));
    expect(lines[0]).toContain('executing evaluate');
    expect(lines.at(-1)).toBe('ValueError: the validation set has no rows with a label');
  });

  it('says which task ids to use when a name is ambiguous, and refuses DAGs and unknown names', async () => {
    const ambiguous = await readTaskLogs(kfp, { runId: failed, task: 'train' })
      .next()
      .catch((e: KfpError) => e);
    expect(ambiguous).toBeInstanceOf(KfpError);
    expect(ambiguous).toMatchObject({ code: RunInsightErrorCode.taskAmbiguous });
    const { tasks } = await getRunTasks(kfp, failed);
    const trainId = tasks.find((task) => task.name === 'train')?.id ?? '';
    expect((ambiguous as Error).message).toContain(trainId);
    expect((await collect(readTaskLogs(kfp, { runId: failed, task: trainId })))[1]).toMatch(/^epoch 1\/3/);
    expect(await codeOf(readTaskLogs(kfp, { runId: failed, task: 'for-loop-1' }).next())).toBe(
      RunInsightErrorCode.taskHasNoPod,
    );
    expect(await codeOf(readTaskLogs(kfp, { runId: failed, task: 'nope' }).next())).toBe(
      RunInsightErrorCode.taskNotFound,
    );
  });

  it('follows a running task: new lines as they come, none twice, until the task ends', async () => {
    const runId = await bed.createRun('follow-me');
    bed.advance(600); // prepare-data started at 500 ms
    const lines: string[] = [];
    // The emulated clock runs 10x faster than the real one while the log is followed.
    const clock = setInterval(() => bed.advance(100), 10);
    try {
      for await (const line of readTaskLogs(kfp, {
        runId,
        task: 'prepare-data',
        follow: true,
        pollIntervalMs: 5,
      })) {
        lines.push(line);
      }
    } finally {
      clearInterval(clock);
    }
    expect(lines).toEqual([
      'I launcher: executing prepare-data',
      'reading the raw data',
      'wrote 2 rows',
      'I launcher: prepare-data done',
    ]);
  });

  it('stops following at once when the signal aborts', async () => {
    const runId = await bed.createRun('stuck-hangs');
    bed.advance(2500); // evaluate runs and never ends
    const controller = new AbortController();
    const reason = new Error('enough');
    const lines: string[] = [];
    const reading = (async () => {
      for await (const line of readTaskLogs(kfp, {
        runId,
        task: 'evaluate',
        follow: true,
        pollIntervalMs: 60_000,
        signal: controller.signal,
      })) {
        lines.push(line);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('names the UI server when the client points at the API server and no uiBaseUrl is set', async () => {
    const direct = createKfpV2Client({ baseUrl: bed.api.url, auth: staticTokenAuth('t') });
    const error = await readTaskLogs(direct, { runId: failed, task: 'evaluate' })
      .next()
      .catch((e: KfpError) => e);
    expect(error).toMatchObject({ code: RunInsightErrorCode.uiServerNotFound });
    expect((error as Error).message).toContain(bed.api.url);
    expect((error as Error).message).toContain('uiBaseUrl');
  });
});

describe('listRunArtifacts, readArtifact, getRunMetrics', () => {
  it('lists every input and output with its type, producer and typed metadata', async () => {
    bed.advance(10_000);
    const artifacts = await listRunArtifacts(kfp, succeeded);
    const outputs = artifacts.filter((a) => a.direction === 'output');
    expect(outputs.map((a) => `${a.task.label}:${a.name}:${a.type}`).sort()).toEqual([
      'evaluate:confusion:system.ClassificationMetrics',
      'evaluate:metrics:system.Metrics',
      'evaluate:report:system.Markdown',
      'prepare-data:dataset:system.Dataset',
      'train[0]:metrics:system.Metrics',
      'train[0]:model:system.Model',
      'train[1]:metrics:system.Metrics',
      'train[1]:model:system.Model',
      'train[2]:metrics:system.Metrics',
      'train[2]:model:system.Model',
    ]);
    const input = artifacts.find((a) => a.direction === 'input' && a.task.name === 'evaluate');
    expect(input).toMatchObject({
      name: 'dataset',
      type: 'system.Dataset',
      producer: { name: 'prepare-data' },
    });
    expect(outputs.find((a) => a.task.label === 'evaluate' && a.name === 'metrics')?.metrics).toEqual({
      accuracy: 0.91,
      f1: 0.88,
    });
    const confusion = outputs.find((a) => a.name === 'confusion');
    expect(confusion?.confusionMatrix).toEqual({
      labels: ['cat', 'dog'],
      rows: [
        [40, 5],
        [3, 52],
      ],
    });
    expect(confusion?.rocCurve?.[0]).toEqual({ threshold: 0.9, recall: 0.5, falsePositiveRate: 0.02 });
    expect(outputs[0]?.uri).toMatch(/^minio:\/\/mlpipeline\/v2\/artifacts\//);
  });

  it("reads a file artifact's bytes, and a directory artifact as its files", async () => {
    const artifacts = await listRunArtifacts(kfp, succeeded);
    const dataset = artifacts.find((a) => a.direction === 'output' && a.name === 'dataset')!;
    const file = await readArtifact(kfp, dataset);
    expect(file.kind).toBe('file');
    if (file.kind === 'file') expect(await new Response(file.body).text()).toMatch(/^id,feature,label\n/);

    const model = artifacts.find((a) => a.name === 'model' && a.task.label === 'train[1]')!;
    const directory = await readArtifact(kfp, model);
    expect(directory.kind).toBe('directory');
    const files: string[] = [];
    if (directory.kind === 'directory') {
      for await (const entry of directory.entries)
        files.push(`${entry.path}=${(await new Response(entry.body).text()).trim()}`);
    }
    expect(files).toEqual([
      `saved_model.pb=model graph of ${new URL(model.uri).pathname.slice(1)}`,
      `variables/variables.index=variables index of ${new URL(model.uri).pathname.slice(1)}`,
    ]);
  });

  it('says what is wrong with an artifact it cannot read', async () => {
    expect(await codeOf(readArtifact(kfp, { uri: 'file:///etc/passwd' }))).toBe(
      RunInsightErrorCode.artifactUriUnsupported,
    );
    expect(await codeOf(readArtifact(kfp, { uri: 'minio://mlpipeline/v2/artifacts/none' }))).toBe(
      RunInsightErrorCode.artifactNotFound,
    );
    expect(await codeOf(readArtifact(kfp, { uri: 'minio://mlpipeline/x' }, { maxResponseBytes: -1 }))).toBe(
      'CONFIG_INVALID_OPTION',
    );
  });

  it('gives the scalar metrics of several runs, by task and metric name', async () => {
    const [ok, bad] = await getRunMetrics(kfp, [succeeded, failed]);
    expect(ok?.metrics.evaluate).toEqual({ accuracy: 0.91, f1: 0.88 });
    expect(ok?.metrics['train[2]']).toEqual({ accuracy: 0.8 + 2 / 100, loss: 0.5 - 2 / 100 });
    expect(bad?.runId).toBe(failed);
    expect(bad?.metrics.evaluate).toBeUndefined();
    expect(Object.keys(bad?.metrics ?? {}).sort()).toEqual(['train[0]', 'train[1]', 'train[2]']);
  });
});
