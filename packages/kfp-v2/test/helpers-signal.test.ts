// Every helper that makes a request takes `{ signal }` and passes it to the request: against a
// real server on 127.0.0.1 that reads the request and never answers, each call rejects with the
// signal's reason once it fires, instead of waiting for the server.
import * as v2 from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let silent: TestHttpServer;
beforeAll(async () => {
  silent = await startHttpServer(() => new Promise<void>(() => {}));
});
afterAll(async () => {
  await silent?.stop();
});

type Helper = (client: never, id: string, options: { signal?: AbortSignal }) => Promise<unknown>;

const v2Helpers: Record<string, Helper> = {
  terminateRun: v2.terminateRun,
  retryRun: v2.retryRun,
  archiveRun: v2.archiveRun,
  unarchiveRun: v2.unarchiveRun,
  deleteRun: v2.deleteRun,
  archiveExperiment: v2.archiveExperiment,
  unarchiveExperiment: v2.unarchiveExperiment,
  deleteExperiment: v2.deleteExperiment,
  enableRecurringRun: v2.enableRecurringRun,
  disableRecurringRun: v2.disableRecurringRun,
  deleteRecurringRun: v2.deleteRecurringRun,
};

async function rejectsOnAbort(helper: Helper, client: unknown): Promise<void> {
  const controller = new AbortController();
  const reason = new Error('stopped by the caller');
  const before = silent.requests.length;
  const call = helper(client as never, 'id-1', { signal: controller.signal });
  // Abort once the request has reached the server, so the signal is what ends the call.
  await expect.poll(() => silent.requests.length, { timeout: 5_000 }).toBeGreaterThan(before);
  controller.abort(reason);
  await expect(call).rejects.toBe(reason);
}

describe('{ signal } on every helper that makes a request', () => {
  it.each(Object.entries(v2Helpers))('kfp-v2 %s', async (_name, helper) => {
    const client = v2.createKfpV2Client({ baseUrl: silent.url, auth: [], retry: false });
    await rejectsOnAbort(helper, client);
  });
});
