/**
 * Type tests: the typed client must refuse, at compile time, what the API
 * refuses at run time. Each @ts-expect-error fails the type check if the
 * line below it ever compiles.
 */
import { createKfpV2Client, type Experiment, type Run, unwrap } from '@ml-platform/kfp-v2';
import { describe, expectTypeOf, it } from 'vitest';

const kfp = createKfpV2Client({ baseUrl: 'http://127.0.0.1:1' });

describe('KFP v2beta1 client types', () => {
  it('types responses from the spec', async () => {
    const { data } = await kfp.GET('/apis/v2beta1/experiments/{experiment_id}', {
      params: { path: { experiment_id: 'e1' } },
    });
    expectTypeOf<NonNullable<typeof data>>().toExtend<Experiment>();
    expectTypeOf<Experiment>().toExtend<NonNullable<typeof data>>();
    // @ts-expect-error: an experiment is not a run
    expectTypeOf<NonNullable<typeof data>>().toExtend<Required<Run>>();
    const runs = await kfp.GET('/apis/v2beta1/runs', { params: { query: { page_size: 10 } } });
    const firstRun = runs.data?.runs?.[0];
    expectTypeOf<NonNullable<typeof firstRun>>().toExtend<Run>();
    expectTypeOf<Run>().toExtend<NonNullable<typeof firstRun>>();
  });

  it('unwrap returns the success type, without undefined', async () => {
    const experiment = unwrap(
      await kfp.GET('/apis/v2beta1/experiments/{experiment_id}', {
        params: { path: { experiment_id: 'e1' } },
      }),
    );
    expectTypeOf(experiment).toExtend<Experiment>();
    expectTypeOf<undefined>().not.toExtend<typeof experiment>();
    expectTypeOf(experiment.display_name).toEqualTypeOf<string | undefined>();
  });

  it('refuses a path the API does not have', () => {
    // @ts-expect-error: not a path of the v2beta1 API (v1beta1 spelling)
    void kfp.GET('/apis/v2beta1/jobs');
  });

  it('refuses a query or body value of the wrong type or outside the enum', () => {
    void kfp.GET('/apis/v2beta1/runs', {
      // @ts-expect-error: page_size is a number
      params: { query: { page_size: 'ten' } },
    });
    void kfp.POST('/apis/v2beta1/experiments', {
      // @ts-expect-error: storage_state must be one of the spec's enum values
      body: { display_name: 'e', storage_state: 'DELETED' },
    });
  });

  it('refuses a body missing a required field', () => {
    void kfp.POST('/apis/v2beta1/pipelines/upload', {
      params: { query: { name: 'p' } },
      // @ts-expect-error: uploadfile is required
      body: {},
    });
    void kfp.POST('/apis/v2beta1/recurringruns/{recurring_run_id}:enable', {
      // @ts-expect-error: the path parameter is required
      params: { path: {} },
    });
  });

  it('lets free-form protobuf Structs (pipeline_spec) hold any object', () => {
    void kfp.POST('/apis/v2beta1/runs', {
      body: { display_name: 'r', pipeline_spec: { pipelineInfo: { name: 'hello' }, root: {} } },
    });
  });

  it('types upload files as Blob, not string', () => {
    void kfp.POST('/apis/v2beta1/pipelines/upload', {
      params: { query: { name: 'p' } },
      body: { uploadfile: new Blob(['x']) },
    });
    void kfp.POST('/apis/v2beta1/pipelines/upload', {
      params: { query: { name: 'p' } },
      // @ts-expect-error: a string is not a file
      body: { uploadfile: 'pipeline.yaml' },
    });
  });
});
