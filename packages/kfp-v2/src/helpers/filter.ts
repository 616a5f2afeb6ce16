import {
  type AnyFilterFields,
  createKfpFilterBuilder,
  encodeKfpFilter,
  type KfpFilterBuilder,
  type KfpFilterDialect,
} from '@ml-platform/kfp-common';
import type { components } from '../generated/schema.js';
import type { Filter, Predicate, RuntimeState } from '../schemas.js';

export type { AnyFilterFields, FilterScalar } from '@ml-platform/kfp-common';

type StorageState = components['schemas']['v2beta1RunStorageState'];

/**
 * The keys each list operation filters and sorts on, with the type of their
 * values, as the API server maps them to columns (backend/src/apiserver/model/*.go).
 */
export interface FilterFields {
  experiments: {
    experiment_id: string;
    display_name: string;
    description: string;
    namespace: string;
    storage_state: StorageState;
    created_at: Date;
    last_run_created_at: Date;
  };
  pipelines: {
    pipeline_id: string;
    name: string;
    display_name: string;
    description: string;
    namespace: string;
    created_at: Date;
  };
  pipeline_versions: {
    pipeline_version_id: string;
    name: string;
    display_name: string;
    description: string;
    created_at: Date;
  };
  runs: {
    run_id: string;
    display_name: string;
    description: string;
    namespace: string;
    experiment_id: string;
    recurring_run_id: string;
    state: RuntimeState;
    storage_state: StorageState;
    created_at: Date;
    scheduled_at: Date;
    finished_at: Date;
  };
  recurring_runs: {
    recurring_run_id: string;
    display_name: string;
    description: string;
    created_at: Date;
    updated_at: Date;
  };
}

/** The resources `kfpFilter(resource)` knows the filterable fields of. */
export type FilterResource = keyof FilterFields;

/** An immutable builder of KFP's list filter; every method returns a new builder. */
export interface FilterBuilder<F = AnyFilterFields> extends KfpFilterBuilder<F, Predicate, Filter> {}

/** v2beta1 names a predicate's comparison `operation`. */
const V2BETA1_FILTER: KfpFilterDialect<Predicate, Filter> = {
  predicate: (operation, key, value) => ({ operation, key, ...value }),
  message: (predicates) => ({ predicates }),
  exampleKey: 'display_name',
};

/**
 * Starts a filter for a list operation. With a resource (`'runs'`,
 * `'experiments'`, ...) keys and values are checked against what KFP filters
 * on; without one any key is accepted.
 *
 * @example kfpFilter('runs').equals('state', 'SUCCEEDED').greaterThan('created_at', new Date('2025-01-01'))
 */
export function kfpFilter(): FilterBuilder<AnyFilterFields>;
export function kfpFilter<R extends FilterResource>(resource: R): FilterBuilder<FilterFields[R]>;
export function kfpFilter(_resource?: FilterResource): FilterBuilder<AnyFilterFields> {
  return createKfpFilterBuilder(V2BETA1_FILTER);
}

/** A `Filter` message, or anything that turns into one (a {@link FilterBuilder}). */
export type FilterLike =
  | Filter
  | {
      /** The filter message this stands for. */
      toJSON(): Filter;
    };

/** The value of a list operation's `filter` query parameter, encoded once more as KFP's UI does. */
export function encodeFilter(filter: FilterLike): string {
  return encodeKfpFilter(filter);
}
