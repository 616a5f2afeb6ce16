// The v1beta1 helpers by id and the client-level namespace, checked by a Prism mock that
// validates every request against the v1beta1 spec.
import {
  createKfpV1Client,
  deletePipeline,
  deletePipelineVersion,
  getExperiment,
  getOrCreateExperiment,
  getPipeline,
  getPipelineVersion,
  getRecurringRun,
  staticTokenAuth,
  uploadPipeline,
} from '@ml-platform/kfp-v1';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { type PrismRecorder, recordPrismExchanges } from '@ml-platform/testbed/fetch-fakes/index';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let prism: PrismServer;
let recorder: PrismRecorder;

beforeAll(async () => {
  prism = await startPrism('kfp-v1beta1');
});
afterAll(async () => {
  await prism?.stop();
});
beforeEach(() => {
  recorder = recordPrismExchanges();
});

const client = (namespace?: string) =>
  createKfpV1Client({ baseUrl: prism.url, auth: staticTokenAuth('t'), fetch: recorder.fetch, namespace });

describe('v1beta1 helpers by id', () => {
  it('get and delete by id on the paths the spec names', async () => {
    const kfp = client();
    expect(await getExperiment(kfp, 'e-1')).toBeTypeOf('object');
    expect(await getPipeline(kfp, 'p-1')).toBeTypeOf('object');
    await deletePipeline(kfp, 'p-1');
    expect(await getPipelineVersion(kfp, 'v-1')).toBeTypeOf('object');
    await deletePipelineVersion(kfp, 'v-1');
    expect(await getRecurringRun(kfp, 'j-1')).toBeTypeOf('object');
    expect(recorder.calls()).toEqual([
      'GET /apis/v1beta1/experiments/e-1',
      'GET /apis/v1beta1/pipelines/p-1',
      'DELETE /apis/v1beta1/pipelines/p-1',
      'GET /apis/v1beta1/pipeline_versions/v-1',
      'DELETE /apis/v1beta1/pipeline_versions/v-1',
      'GET /apis/v1beta1/jobs/j-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
    await expect(getExperiment(kfp, '')).rejects.toMatchObject({ code: 'CONFIG_INVALID_OPTION' });
  });
});

describe('the client-level namespace', () => {
  it('scopes experiment lookups and uploads when the helper is given none', async () => {
    const kfp = client('team-a');
    await getOrCreateExperiment(kfp, { name: 'x' }).catch(() => undefined);
    await uploadPipeline(kfp, {
      source: { text: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n', fileName: 'w.yaml' },
    });
    const [lookup] = recorder.exchanges;
    expect(lookup?.url.searchParams.get('resource_reference_key.id')).toBe('team-a');
    const upload = recorder.exchanges.find((exchange) => exchange.url.pathname.endsWith('/pipelines/upload'));
    expect(upload?.url.searchParams.get('namespace')).toBe('team-a');
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('upload names', () => {
  it("default to a v2 package's pipelineInfo.name, and stay KFP's for an Argo workflow", async () => {
    const kfp = client();
    await uploadPipeline(kfp, {
      source: {
        text: 'pipelineInfo:\n  name: named-by-spec\nroot: {}\nschemaVersion: 2.1.0\n',
        fileName: 'pipeline.yaml',
      },
    });
    await uploadPipeline(kfp, {
      source: { text: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n', fileName: 'pipeline.yaml' },
    });
    const names = recorder.exchanges.map((exchange) => exchange.url.searchParams.get('name'));
    expect(names).toEqual(['named-by-spec', null]);
    expect(recorder.requestViolations()).toEqual([]);
  });
});
