// listPage: one page from a page token, against the test bed's KFP emulator (pages as the API server does).
import { createKfpV2Client, getOrCreateExperiment, listPage, staticTokenAuth } from '@ml-platform/kfp-v2';
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

beforeAll(async () => {
  server = await startKfpEmulatorServer();
  for (const name of ['a', 'b', 'c', 'd', 'e'])
    await getOrCreateExperiment(client(), { name: `paged-${name}`, namespace: NAMESPACE });
});
afterAll(async () => {
  await server?.stop();
});

describe('listPage', () => {
  it('walks the pages by their tokens, with the total and no token after the last', async () => {
    const query = {
      params: { query: { namespace: NAMESPACE } },
      pageSize: 2,
      sortBy: 'display_name',
    } as const;
    const first = await listPage(client(), '/apis/v2beta1/experiments', query);
    expect(first.items.map((item) => item.display_name)).toEqual(['paged-a', 'paged-b']);
    expect(first.totalSize).toBe(5);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = await listPage(client(), '/apis/v2beta1/experiments', {
      ...query,
      pageToken: first.nextPageToken,
    });
    expect(second.items.map((item) => item.display_name)).toEqual(['paged-c', 'paged-d']);
    const third = await listPage(client(), '/apis/v2beta1/experiments', {
      ...query,
      pageToken: second.nextPageToken,
    });
    expect(third.items.map((item) => item.display_name)).toEqual(['paged-e']);
    expect(third.nextPageToken).toBeUndefined();
  });
});
