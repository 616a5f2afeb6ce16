// Every v2beta1 helper that addresses one resource by its id, through one table: the method and
// path it calls (the id trimmed and percent-encoded into the path), what it resolves to, and the
// error naming its own option when the id is empty, before any request is made.
import * as v2 from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: TestHttpServer;
beforeAll(async () => {
  server = await startHttpServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"answered":true}');
  });
});
afterAll(async () => {
  await server?.stop();
});

type Helper = (client: v2.KfpV2Client, id: string) => Promise<unknown>;
// name, helper, its id option and example, the request it makes for the id 'a/b', and whether it resolves to the body.
const helpers: [string, Helper, string, string, string, boolean][] = [
  ['getRun', v2.getRun, 'runId', "'5e0b…'", 'GET /apis/v2beta1/runs/a%2Fb', true],
  ['terminateRun', v2.terminateRun, 'runId', "'5e0b…'", 'POST /apis/v2beta1/runs/a%2Fb:terminate', false],
  ['retryRun', v2.retryRun, 'runId', "'5e0b…'", 'POST /apis/v2beta1/runs/a%2Fb:retry', false],
  ['archiveRun', v2.archiveRun, 'runId', "'5e0b…'", 'POST /apis/v2beta1/runs/a%2Fb:archive', false],
  ['unarchiveRun', v2.unarchiveRun, 'runId', "'5e0b…'", 'POST /apis/v2beta1/runs/a%2Fb:unarchive', false],
  ['deleteRun', v2.deleteRun, 'runId', "'5e0b…'", 'DELETE /apis/v2beta1/runs/a%2Fb', false],
  ['getExperiment', v2.getExperiment, 'experimentId', "'3f1c…'", 'GET /apis/v2beta1/experiments/a%2Fb', true],
  [
    'archiveExperiment',
    v2.archiveExperiment,
    'experimentId',
    "'3f1c…'",
    'POST /apis/v2beta1/experiments/a%2Fb:archive',
    false,
  ],
  [
    'unarchiveExperiment',
    v2.unarchiveExperiment,
    'experimentId',
    "'3f1c…'",
    'POST /apis/v2beta1/experiments/a%2Fb:unarchive',
    false,
  ],
  [
    'deleteExperiment',
    v2.deleteExperiment,
    'experimentId',
    "'3f1c…'",
    'DELETE /apis/v2beta1/experiments/a%2Fb',
    false,
  ],
  [
    'getRecurringRun',
    v2.getRecurringRun,
    'recurringRunId',
    "'a7c2…'",
    'GET /apis/v2beta1/recurringruns/a%2Fb',
    true,
  ],
  [
    'enableRecurringRun',
    v2.enableRecurringRun,
    'recurringRunId',
    "'a7c2…'",
    'POST /apis/v2beta1/recurringruns/a%2Fb:enable',
    false,
  ],
  [
    'disableRecurringRun',
    v2.disableRecurringRun,
    'recurringRunId',
    "'a7c2…'",
    'POST /apis/v2beta1/recurringruns/a%2Fb:disable',
    false,
  ],
  [
    'deleteRecurringRun',
    v2.deleteRecurringRun,
    'recurringRunId',
    "'a7c2…'",
    'DELETE /apis/v2beta1/recurringruns/a%2Fb',
    false,
  ],
  ['getPipeline', v2.getPipeline, 'pipelineId', "'9b2f…'", 'GET /apis/v2beta1/pipelines/a%2Fb', true],
];

describe('v2beta1 helpers by id', () => {
  it.each(helpers)(
    '%s calls its own path with the trimmed id',
    async (_name, helper, _o, _e, request, body) => {
      const kfp = v2.createKfpV2Client({ baseUrl: server.url, auth: [], retry: false });
      const before = server.requests.length;
      const result = await helper(kfp, ' a/b ');
      expect(server.requests.slice(before).map(({ method, url }) => `${method} ${url}`)).toEqual([request]);
      expect(result).toEqual(body ? { answered: true } : undefined);
    },
  );

  it.each(helpers)('%s names its own option when the id is empty', async (_name, helper, option, example) => {
    const kfp = v2.createKfpV2Client({ baseUrl: server.url, auth: [], retry: false });
    const before = server.requests.length;
    await expect(helper(kfp, '  ')).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringContaining(`${option} must be a non-empty string (e.g. ${example}), got string.`),
    });
    expect(server.requests.length).toBe(before);
  });
});
