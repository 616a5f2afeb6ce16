// Every helper that makes a request takes `{ signal }` and passes it to the request: against a
// real server on 127.0.0.1 that reads the request and never answers, each call rejects with the
// signal's reason once it fires, instead of waiting for the server.
import * as v1 from '@ml-platform/kfp-v1';
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

const v1Helpers: Record<string, Helper> = {
  terminateRun: v1.terminateRun,
  retryRun: v1.retryRun,
  archiveRun: v1.archiveRun,
  unarchiveRun: v1.unarchiveRun,
  deleteRun: v1.deleteRun,
  archiveExperiment: v1.archiveExperiment,
  unarchiveExperiment: v1.unarchiveExperiment,
  deleteExperiment: v1.deleteExperiment,
  enableRecurringRun: v1.enableRecurringRun,
  disableRecurringRun: v1.disableRecurringRun,
  deleteRecurringRun: v1.deleteRecurringRun,
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
  it.each(Object.entries(v1Helpers))('kfp-v1 %s', async (_name, helper) => {
    const client = v1.createKfpV1Client({ baseUrl: silent.url, auth: [], retry: false });
    await rejectsOnAbort(helper, client);
  });
});
