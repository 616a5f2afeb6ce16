import {
  type AnyFilterFields,
  createKfpFilterBuilder,
  encodeKfpFilter,
  type KfpFilterBuilder,
  type KfpFilterDialect,
  type KfpFilterOperation,
  type KfpPredicateValue,
} from '@ml-platform/kfp-common';

export type { AnyFilterFields, FilterScalar } from '@ml-platform/kfp-common';

/**
 * KFP's v1beta1 list filter (backend/api/v1beta1/filter.proto). The spec
 * leaves it out, since it travels as JSON inside the `filter` query parameter;
 * it differs from v2beta1 in naming the operation `op`.
 */
export interface KfpFilter {
  predicates?: KfpPredicate[] | undefined;
}

/** The comparison of a v1beta1 predicate (its `op`), such as `EQUALS`. */
export type KfpPredicateOp = KfpFilterOperation;

/** One condition of a v1beta1 list filter: a key, its comparison (`op`) and a value. */
export interface KfpPredicate extends KfpPredicateValue {
  op?: KfpPredicateOp | undefined;
  key?: string | undefined;
}

/**
 * The keys each v1beta1 list operation filters and sorts on, with the type of
 * their values, as the API server maps them to columns (backend/src/apiserver/model/*.go).
 */
export interface FilterFields {
  experiments: { id: string; name: string; description: string; storage_state: string; created_at: Date };
  pipelines: { id: string; name: string; description: string; created_at: Date };
  pipeline_versions: { id: string; name: string; description: string; status: string; created_at: Date };
  runs: {
    id: string;
    name: string;
    description: string;
    storage_state: string;
    status: string;
    created_at: Date;
    scheduled_at: Date;
    finished_at: Date;
  };
  jobs: { id: string; name: string; description: string; created_at: Date; updated_at: Date };
}

/** The resources `kfpFilter(resource)` knows the filterable fields of. */
export type FilterResource = keyof FilterFields;

/** An immutable builder of KFP's v1beta1 list filter; every method returns a new builder. */
export interface FilterBuilder<F = AnyFilterFields> extends KfpFilterBuilder<F, KfpPredicate, KfpFilter> {}

const V1BETA1_FILTER: KfpFilterDialect<KfpPredicate, KfpFilter> = {
  predicate: (op, key, value) => ({ op, key, ...value }),
  message: (predicates) => ({ predicates }),
  exampleKey: 'name',
};

/**
 * Starts a v1beta1 filter. With a resource (`'runs'`, `'experiments'`, ...)
 * keys and values are checked against what KFP filters on.
 *
 * @example kfpFilter('runs').equals('name', 'nightly').greaterThan('created_at', new Date('2025-01-01'))
 */
export function kfpFilter(): FilterBuilder<AnyFilterFields>;
export function kfpFilter<R extends FilterResource>(resource: R): FilterBuilder<FilterFields[R]>;
export function kfpFilter(_resource?: FilterResource): FilterBuilder<AnyFilterFields> {
  return createKfpFilterBuilder(V1BETA1_FILTER);
}

/** A `KfpFilter`, or anything that turns into one (a {@link FilterBuilder}). */
export type FilterLike =
  | KfpFilter
  | {
      /** The filter message this stands for. */
      toJSON(): KfpFilter;
    };

/** The value of a list operation's `filter` query parameter, encoded once more as KFP's UI does. */
export function encodeFilter(filter: FilterLike): string {
  return encodeKfpFilter(filter);
}
