// createRecurringRunFromPackage against a real HTTP server that records what went on the wire.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKfpV2Client, createRecurringRunFromPackage, staticTokenAuth } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: TestHttpServer;
let dir: string;
let pipelinePath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kfp-v2-recurring-'));
  pipelinePath = join(dir, 'nightly.yaml');
  writeFileSync(
    pipelinePath,
    `pipelineInfo: {name: nightly}
root:
  dag: {tasks: {}}
  inputDefinitions:
    parameters:
      epochs: {parameterType: NUMBER_INTEGER}
schemaVersion: 2.1.0
sdkVersion: kfp-2.17.0
`,
  );
  // The answers KFP's API server gives (backend/api/v2beta1): no experiment by that name, then the created ones.
  server = await startHttpServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://x');
    if (request.method === 'GET' && pathname === '/apis/v2beta1/experiments')
      return sendJson(response, 200, { experiments: [] });
    if (request.method === 'POST' && pathname === '/apis/v2beta1/experiments')
      return sendJson(response, 200, { ...JSON.parse(request.body.toString()), experiment_id: 'exp-1' });
    if (request.method === 'POST' && pathname === '/apis/v2beta1/recurringruns')
      return sendJson(response, 200, { ...JSON.parse(request.body.toString()), recurring_run_id: 'rr-1' });
    sendJson(response, 404, { code: 5, message: 'not found' });
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const client = () =>
  createKfpV2Client({ baseUrl: server.url, auth: staticTokenAuth('token'), namespace: 'team-a' });

describe('createRecurringRunFromPackage', () => {
  it('creates the experiment by name and schedules the package inline', async () => {
    const { recurringRun, experiment } = await createRecurringRunFromPackage(client(), {
      source: pipelinePath,
      displayName: 'nightly',
      experimentName: 'nightly-runs',
      schedule: { cron: '0 0 2 * * *' },
      parameters: { epochs: 3 },
    });
    expect(experiment).toMatchObject({
      experiment_id: 'exp-1',
      display_name: 'nightly-runs',
      namespace: 'team-a',
    });
    expect(recurringRun).toMatchObject({
      recurring_run_id: 'rr-1',
      experiment_id: 'exp-1',
      display_name: 'nightly',
      trigger: { cron_schedule: { cron: '0 0 2 * * *' } },
      runtime_config: { parameters: { epochs: 3 } },
      pipeline_spec: { pipelineInfo: { name: 'nightly' } },
    });
  });

  it('refuses a wrong parameter or a five-field cron before any request', async () => {
    const before = server.requests.length;
    await expect(
      createRecurringRunFromPackage(client(), {
        source: pipelinePath,
        displayName: 'nightly',
        experimentName: 'nightly-runs',
        schedule: { cron: '0 2 * * *' },
      }),
    ).rejects.toThrow(/has 5 fields/);
    await expect(
      createRecurringRunFromPackage(client(), {
        source: pipelinePath,
        displayName: 'nightly',
        experimentName: 'nightly-runs',
        schedule: { cron: '0 0 2 * * *' },
        parameters: { epochs: 'three' },
      }),
    ).rejects.toMatchObject({ code: 'KFP_INVALID_PARAMETERS' });
    await expect(
      createRecurringRunFromPackage(client(), {
        source: pipelinePath,
        displayName: 'nightly',
        experimentId: 'exp-1',
        experimentName: 'nightly-runs',
        schedule: { intervalSeconds: 3600 },
      }),
    ).rejects.toMatchObject({ code: 'KFP_EXPERIMENT_CHOICE_CONFLICT' });
    expect(server.requests.length).toBe(before);
  });
});
