// The ML Metadata client against the test bed's UI server stand-in, which speaks real gRPC-Web
// (connect-node) over the same generated service: what a run's lineage holds, how errors come out.
import { ApiError, staticTokenAuth } from '@ml-platform/core';
import {
  createMetadataClient,
  Event_Type,
  getRunLineage,
  MetadataError,
  MetadataErrorCode,
  plainProperties,
} from '@ml-platform/kfp-metadata';
import { type RunBed, startRunBed } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let bed: RunBed;
let failedRun: string;
const TOKEN = 'mlmd-secret-token-1234';

beforeAll(async () => {
  bed = await startRunBed();
  failedRun = await bed.createRun('demo-fails');
  bed.advance(10_000);
});
afterAll(() => bed?.stop());

describe('createMetadataClient + getRunLineage', () => {
  it('reads a finished run: its context, one execution per task, the artifacts its tasks published', async () => {
    const seen: string[] = [];
    const mlmd = createMetadataClient({
      baseUrl: bed.ui.url,
      auth: staticTokenAuth(TOKEN),
      fetch: (request) => {
        seen.push(
          `${request.method} ${new URL(request.url).pathname} ${request.headers.get('content-type')} ${request.headers.get('authorization')}`,
        );
        return globalThis.fetch(request);
      },
    });
    const lineage = await getRunLineage(mlmd, failedRun);
    expect(lineage.context.name).toBe(failedRun);
    expect(lineage.context.type).toBe('system.PipelineRun');
    const tasks = lineage.executions.map(
      (execution) => plainProperties(execution.customProperties).display_name,
    );
    expect(tasks).toHaveLength(10);
    expect(tasks).toEqual(
      expect.arrayContaining(['prepare-data', 'for-loop-1-iteration-2', 'train', 'evaluate']),
    );
    // evaluate failed, so it published nothing: a dataset, and a model and metrics per iteration.
    const types = [...lineage.artifacts.values()].map(
      (artifact) => lineage.artifactTypes.get(artifact.typeId!)?.name,
    );
    expect(types.sort()).toEqual([
      'system.Dataset',
      ...Array(3).fill('system.Metrics'),
      ...Array(3).fill('system.Model'),
    ]);
    const metrics = [...lineage.artifacts.values()].find((a) => a.uri?.endsWith('/metrics'));
    expect(plainProperties(metrics!.customProperties)).toMatchObject({
      display_name: 'metrics',
      accuracy: expect.any(Number),
    });
    expect(lineage.events.filter((event) => event.type === Event_Type.INPUT)).toHaveLength(4);
    expect(seen[0]).toBe(
      `POST /ml_metadata.MetadataStoreService/GetContextByTypeAndName application/grpc-web+proto Bearer ${TOKEN}`,
    );
    expect(seen).toHaveLength(4);
  });

  it('makes four metadata calls for a run of 500 tasks, not one per task', async () => {
    const wide = await startRunBed({ emulator: { loopIterations: 250 } });
    try {
      const runId = await wide.createRun('wide');
      wide.advance(10_000);
      const lineage = await getRunLineage(createMetadataClient({ baseUrl: wide.ui.url }), runId);
      expect(lineage.executions.length).toBeGreaterThanOrEqual(500);
      expect(lineage.artifacts.size).toBeGreaterThanOrEqual(500);
      const calls = [...wide.ui.mlmd.calls.values()].reduce((sum, count) => sum + count, 0);
      expect(calls).toBe(4);
    } finally {
      await wide.stop();
    }
  });

  it('says when ML Metadata has no such run', async () => {
    const mlmd = createMetadataClient({ baseUrl: bed.ui.url });
    const error = await getRunLineage(mlmd, 'no-such-run').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetadataError);
    expect(error).toMatchObject({ code: MetadataErrorCode.runNotFound });
    expect((error as Error).message).toContain('"no-such-run"');
  });
});

describe('errors', () => {
  it('turns a gRPC status into a MetadataError with the gRPC code', async () => {
    const mlmd = createMetadataClient({ baseUrl: bed.ui.url });
    const error = await mlmd.putArtifacts({ artifacts: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetadataError);
    expect(error).toMatchObject({ code: MetadataErrorCode.rpcFailed, grpcCode: 'unimplemented' });
    expect((error as Error).message).toContain('putArtifacts');
  });

  it("keeps core's ApiError for an HTTP failure (no ML Metadata behind this URL), without the token", async () => {
    const mlmd = createMetadataClient({ baseUrl: bed.api.url, auth: staticTokenAuth(TOKEN) });
    const error = await mlmd
      .getContextByTypeAndName({ typeName: 'system.PipelineRun', contextName: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404 });
    expect(JSON.stringify(error) + String(error)).not.toContain(TOKEN);
  });

  it('stops at once when the signal aborts, with the signal reason', async () => {
    const mlmd = createMetadataClient({ baseUrl: bed.ui.url });
    const controller = new AbortController();
    const reason = new Error('stop now');
    controller.abort(reason);
    await expect(getRunLineage(mlmd, failedRun, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('refuses a bad baseUrl up front, with a ConfigError naming it', () => {
    expect(() => createMetadataClient({ baseUrl: 'not a url' })).toThrow(/baseUrl/);
  });
});
