// Both ways Seldon listings page (by page number for batch jobs, by token for the model catalog and
// inference logs) check `pageSize` and `limit` the same way, before any request goes out.
import {
  collect,
  createSeldonDeployClient,
  listBatchJobs,
  listModelMetadata,
  type SeldonDeployClient,
} from '@ml-platform/seldon-deploy-v1alpha1';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: TestHttpServer;
beforeAll(async () => {
  server = await startHttpServer((_request, response) => {
    response.statusCode = 500;
    response.end();
  });
});
afterAll(async () => {
  await server?.stop();
});

type Limits = { pageSize?: number; limit?: number };
const listings: [string, (client: SeldonDeployClient, limits: Limits) => AsyncIterable<unknown>][] = [
  [
    'listBatchJobs',
    (client, limits) => listBatchJobs(client, { namespace: 'prod', seldonDeployment: 'iris' }, limits),
  ],
  ['listModelMetadata', (client, limits) => listModelMetadata(client, {}, limits)],
];
const bad: [Limits, string][] = [
  [{ pageSize: 0 }, 'pageSize must be a positive integer, got 0.'],
  [{ pageSize: 2.5 }, 'pageSize must be a positive integer, got 2.5.'],
  [{ limit: -1 }, 'limit must be a non-negative integer, got -1.'],
];

describe('pageSize and limit of every Seldon listing', () => {
  it.each(listings)('%s refuses a bad page size or limit before any request', async (_name, list) => {
    const client = createSeldonDeployClient({ baseUrl: server.url, auth: [], retry: false });
    for (const [limits, message] of bad) {
      await expect(collect(list(client, limits))).rejects.toMatchObject({
        code: 'CONFIG_INVALID_OPTION',
        message: expect.stringContaining(message),
      });
    }
    expect(await collect(list(client, { limit: 0 }))).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});
