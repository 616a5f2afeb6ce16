// runPipelineVersion (kfp's `run create -p/-n [-v]`) against the test bed's KFP emulator.
import {
  createKfpV2Client,
  runPipelineVersion,
  staticTokenAuth,
  uploadPipeline,
  uploadPipelineVersion,
} from '@ml-platform/kfp-v2';
import { type KfpEmulatorServer, startKfpEmulatorServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NAMESPACE = 'kubeflow-user-example-com';
let server: KfpEmulatorServer;

const client = () =>
  createKfpV2Client({
    baseUrl: server.url,
    auth: staticTokenAuth('token'),
    headers: { 'kubeflow-userid': 'user@example.com' },
    namespace: NAMESPACE,
  });

const pipeline = (name: string, input: string) => `pipelineInfo: {name: ${name}}
root:
  dag: {tasks: {}}
  inputDefinitions:
    parameters:
      ${input}: {parameterType: NUMBER_INTEGER}
schemaVersion: 2.1.0
sdkVersion: kfp-2.17.0
`;

beforeAll(async () => {
  server = await startKfpEmulatorServer({ runTiming: { pendingMs: 50, runningMs: 100 } });
});
afterAll(async () => {
  await server?.stop();
});

describe('runPipelineVersion', () => {
  it('runs the newest version of a pipeline named, with text parameters typed by its spec', async () => {
    const uploaded = await uploadPipeline(client(), {
      source: { text: pipeline('adder', 'a') },
      name: 'adder',
    });
    const second = await uploadPipelineVersion(client(), {
      source: { text: pipeline('adder', 'b') },
      pipelineId: uploaded.pipeline_id ?? '',
      name: 'v2',
    });
    const { run, experiment, pipelineVersion } = await runPipelineVersion(client(), {
      pipelineName: 'adder',
      experimentName: 'by-name',
      parameterText: { b: '3' },
    });
    expect(pipelineVersion.pipeline_version_id).toBe(second.pipeline_version_id);
    expect(experiment.display_name).toBe('by-name');
    expect(run).toMatchObject({
      experiment_id: experiment.experiment_id,
      runtime_config: { parameters: { b: 3 } },
      pipeline_version_reference: {
        pipeline_id: uploaded.pipeline_id,
        pipeline_version_id: second.pipeline_version_id,
      },
    });
    expect(run.display_name).toMatch(/^adder \d{4}-\d{2}-\d{2} /);
  });

  it('checks parameters against the version asked for, before creating the run', async () => {
    const uploaded = await uploadPipeline(client(), {
      source: { text: pipeline('checked', 'a') },
      name: 'checked',
    });
    await uploadPipelineVersion(client(), {
      source: { text: pipeline('checked', 'b') },
      pipelineId: uploaded.pipeline_id ?? '',
      name: 'v2',
    });
    const runsBefore = server.emulator.snapshot().runs.length;
    // The newest version takes b, not a.
    await expect(
      runPipelineVersion(client(), { pipelineId: uploaded.pipeline_id ?? '', parameterText: { a: '1' } }),
    ).rejects.toMatchObject({ code: 'KFP_INVALID_PARAMETERS' });
    await expect(
      runPipelineVersion(client(), { pipelineName: 'no-such-pipeline', parameterText: {} }),
    ).rejects.toMatchObject({ code: 'KFP_NOT_FOUND' });
    expect(server.emulator.snapshot().runs.length).toBe(runsBefore);
  });
});
