// Type tests of the filter builder and the paging helpers: keys, values and
// operators are checked against what KFP filters each resource on.
import {
  collectAll,
  type Experiment,
  type Filter,
  type KfpV2Client,
  kfpFilter,
  listAll,
  type PipelineVersion,
  type RecurringRun,
  type Run,
} from '@ml-platform/kfp-v2';
import { describe, expectTypeOf, it } from 'vitest';

declare const kfp: KfpV2Client;

describe('kfpFilter(resource)', () => {
  it('accepts the keys of the resource with values of their type', () => {
    kfpFilter('runs')
      .equals('state', 'SUCCEEDED')
      .isIn('state', ['RUNNING', 'PENDING'])
      .greaterThan('created_at', new Date())
      .contains('display_name', 'nightly');
    kfpFilter('experiments').equals('storage_state', 'ARCHIVED').equals('namespace', 'team-a');
    kfpFilter('pipelines').equals('name', 'fraud-detection');
    kfpFilter('recurring_runs').lessThan('updated_at', new Date());
  });

  it('rejects keys the resource is not filtered on', () => {
    // @ts-expect-error runs have no 'pipeline_store' column
    kfpFilter('runs').equals('pipeline_store', 'x');
    // @ts-expect-error 'state' belongs to runs, not experiments
    kfpFilter('experiments').equals('state', 'RUNNING');
  });

  it('rejects values of the wrong type', () => {
    // @ts-expect-error not a RuntimeState
    kfpFilter('runs').equals('state', 'DONE');
    // @ts-expect-error timestamps are Dates
    kfpFilter('runs').greaterThan('created_at', '2025-01-01');
    // @ts-expect-error storage states are upper case
    kfpFilter('experiments').equals('storage_state', 'archived');
  });

  it('limits contains to text keys and isIn to lists of non-timestamps', () => {
    // @ts-expect-error IS_SUBSTRING applies to text only
    kfpFilter('runs').contains('created_at', '2025');
    // @ts-expect-error KFP has no list of timestamps
    kfpFilter('runs').isIn('created_at', [new Date()]);
    // @ts-expect-error isIn takes a list
    kfpFilter('runs').isIn('state', 'RUNNING');
  });

  it('serializes to the generated Filter type', () => {
    expectTypeOf(kfpFilter('runs').equals('run_id', 'r-1').toJSON()).toEqualTypeOf<Filter>();
  });
});

describe('kfpFilter() without a resource', () => {
  it('takes any key and any comparable scalar', () => {
    kfpFilter().equals('anything', 'x').equals('n', 1).equals('big', 1n).greaterThan('t', new Date());
    kfpFilter().isIn('ids', [1, 2]).contains('description', 'x');
    // @ts-expect-error booleans are not comparable in KFP filters
    kfpFilter().equals('flag', true);
    // @ts-expect-error no list of timestamps
    kfpFilter().isIn('t', [new Date()]);
  });
});

describe('listAll', () => {
  it('yields the item type of the operation', () => {
    expectTypeOf(listAll(kfp, '/apis/v2beta1/runs')).toEqualTypeOf<AsyncGenerator<Run, void, undefined>>();
    expectTypeOf(collectAll(kfp, '/apis/v2beta1/experiments')).toEqualTypeOf<Promise<Experiment[]>>();
    expectTypeOf(collectAll(kfp, '/apis/v2beta1/recurringruns')).toEqualTypeOf<Promise<RecurringRun[]>>();
    expectTypeOf(
      collectAll(kfp, '/apis/v2beta1/pipelines/{pipeline_id}/versions', {
        params: { path: { pipeline_id: 'p' } },
      }),
    ).toEqualTypeOf<Promise<PipelineVersion[]>>();
  });

  it('requires path parameters where the operation has them', () => {
    // @ts-expect-error pipeline_id is required
    listAll(kfp, '/apis/v2beta1/pipelines/{pipeline_id}/versions');
    // @ts-expect-error not a list operation
    listAll(kfp, '/apis/v2beta1/healthz');
  });

  it('takes the filter of its own resource, an untyped filter, or a Filter message', () => {
    listAll(kfp, '/apis/v2beta1/runs', { filter: kfpFilter('runs').equals('state', 'FAILED') });
    listAll(kfp, '/apis/v2beta1/runs', { filter: kfpFilter().equals('state', 'FAILED') });
    listAll(kfp, '/apis/v2beta1/runs', { filter: { predicates: [{ key: 'state', operation: 'EQUALS' }] } });
    // @ts-expect-error an experiments filter on runs
    listAll(kfp, '/apis/v2beta1/runs', { filter: kfpFilter('experiments').equals('display_name', 'x') });
  });

  it('takes the operation query without the paging keys it manages', () => {
    listAll(kfp, '/apis/v2beta1/runs', { params: { query: { namespace: 'a', experiment_id: 'e' } } });
    // @ts-expect-error page_token is managed by listAll
    listAll(kfp, '/apis/v2beta1/runs', { params: { query: { page_token: 'x' } } });
  });
});
