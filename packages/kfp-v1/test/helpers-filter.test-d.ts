// Type tests of the v1beta1 filter builder and paging helpers.
import {
  collectAll,
  type Experiment,
  type Job,
  type KfpFilter,
  type KfpV1Client,
  kfpFilter,
  listAll,
  type Run,
} from '@ml-platform/kfp-v1';
import { describe, expectTypeOf, it } from 'vitest';

declare const kfp: KfpV1Client;

describe('kfpFilter (v1beta1)', () => {
  it('checks keys and value types per resource', () => {
    kfpFilter('runs')
      .equals('name', 'nightly')
      .greaterThan('created_at', new Date())
      .contains('description', 'x');
    kfpFilter('jobs').lessThan('updated_at', new Date());
    // @ts-expect-error v1beta1 runs are filtered on 'name', not v2's 'display_name'
    kfpFilter('runs').equals('display_name', 'nightly');
    // @ts-expect-error timestamps are Dates
    kfpFilter('experiments').greaterThan('created_at', 1700000000);
    // @ts-expect-error no list of timestamps
    kfpFilter('runs').isIn('created_at', [new Date()]);
  });

  it('produces the op-style filter', () => {
    expectTypeOf(kfpFilter('runs').toJSON()).toEqualTypeOf<KfpFilter>();
    expectTypeOf<NonNullable<KfpFilter['predicates']>[number]['op']>().toEqualTypeOf<
      | 'EQUALS'
      | 'NOT_EQUALS'
      | 'GREATER_THAN'
      | 'GREATER_THAN_EQUALS'
      | 'LESS_THAN'
      | 'LESS_THAN_EQUALS'
      | 'IN'
      | 'IS_SUBSTRING'
      | undefined
    >();
  });
});

describe('listAll (v1beta1)', () => {
  it('yields the item type of the operation and checks the filter resource', () => {
    expectTypeOf(listAll(kfp, '/apis/v1beta1/runs')).toEqualTypeOf<AsyncGenerator<Run, void, undefined>>();
    expectTypeOf(collectAll(kfp, '/apis/v1beta1/jobs')).toEqualTypeOf<Promise<Job[]>>();
    expectTypeOf(collectAll(kfp, '/apis/v1beta1/experiments')).toEqualTypeOf<Promise<Experiment[]>>();
    listAll(kfp, '/apis/v1beta1/runs', { filter: kfpFilter('runs').equals('name', 'x') });
    // @ts-expect-error a jobs filter on runs
    listAll(kfp, '/apis/v1beta1/runs', { filter: kfpFilter('jobs').equals('name', 'x') });
    // @ts-expect-error not a list operation
    listAll(kfp, '/apis/v1beta1/healthz');
  });
});
