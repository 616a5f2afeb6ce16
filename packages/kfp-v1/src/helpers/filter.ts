import { ConfigError, ConfigErrorCode } from '@ml-platform/core';

/**
 * KFP's v1beta1 list filter (backend/api/v1beta1/filter.proto). The spec
 * leaves it out, since it travels as JSON inside the `filter` query parameter;
 * it differs from v2beta1 in naming the operation `op`.
 */
export interface KfpFilter {
  predicates?: KfpPredicate[];
}

export type KfpPredicateOp =
  | 'EQUALS'
  | 'NOT_EQUALS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUALS'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUALS'
  | 'IN'
  | 'IS_SUBSTRING';

export interface KfpPredicate {
  op?: KfpPredicateOp;
  key?: string;
  int_value?: number;
  /** int64, as a string in protobuf's JSON. */
  long_value?: string;
  string_value?: string;
  /** RFC 3339; compared as Unix seconds. */
  timestamp_value?: string;
  int_values?: { values?: number[] };
  long_values?: { values?: string[] };
  string_values?: { values?: string[] };
}

/** A value KFP can compare: text, an int32/int64 number, a bigint (int64) or a timestamp. */
export type FilterScalar = string | number | bigint | Date;

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

export type FilterResource = keyof FilterFields;

/** Fields of a filter whose resource is not known: any key, any scalar. */
export type AnyFilterFields = Record<string, FilterScalar>;

type KeyOf<F> = keyof F & string;
type TextKey<F> = string extends keyof F
  ? string
  : { [K in KeyOf<F>]: F[K] extends string ? K : never }[KeyOf<F>];
type ListableKey<F> = string extends keyof F
  ? string
  : { [K in KeyOf<F>]: F[K] extends Date ? never : K }[KeyOf<F>];
type ListValue<F, K extends keyof F> = string extends keyof F ? Exclude<FilterScalar, Date> : F[K];

/** Type-only marker that keeps a builder's fields in its type (no value exists at runtime). */
declare const filterFields: unique symbol;

/** An immutable builder of KFP's v1beta1 list filter; every method returns a new builder. */
export interface FilterBuilder<F = AnyFilterFields> {
  readonly [filterFields]?: F;
  equals<K extends KeyOf<F>>(key: K, value: F[K]): FilterBuilder<F>;
  notEquals<K extends KeyOf<F>>(key: K, value: F[K]): FilterBuilder<F>;
  greaterThan<K extends KeyOf<F>>(key: K, value: F[K]): FilterBuilder<F>;
  greaterThanOrEqual<K extends KeyOf<F>>(key: K, value: F[K]): FilterBuilder<F>;
  lessThan<K extends KeyOf<F>>(key: K, value: F[K]): FilterBuilder<F>;
  lessThanOrEqual<K extends KeyOf<F>>(key: K, value: F[K]): FilterBuilder<F>;
  /** The value is one of `values` (all strings, or all integers). */
  isIn<K extends ListableKey<F>>(key: K, values: readonly ListValue<F, K>[]): FilterBuilder<F>;
  /** The text value contains `substring` (KFP's IS_SUBSTRING). */
  contains<K extends TextKey<F>>(key: K, substring: string): FilterBuilder<F>;
  readonly predicates: readonly KfpPredicate[];
  toJSON(): KfpFilter;
}

/**
 * Starts a v1beta1 filter. With a resource (`'runs'`, `'experiments'`, ...)
 * keys and values are checked against what KFP filters on.
 *
 * @example kfpFilter('runs').equals('name', 'nightly').greaterThan('created_at', new Date('2025-01-01'))
 */
export function kfpFilter(): FilterBuilder<AnyFilterFields>;
export function kfpFilter<R extends FilterResource>(resource: R): FilterBuilder<FilterFields[R]>;
export function kfpFilter(_resource?: FilterResource): FilterBuilder<AnyFilterFields> {
  return builderOf([]);
}

function builderOf(predicates: readonly KfpPredicate[]): FilterBuilder<AnyFilterFields> {
  const scalar = (op: KfpPredicateOp) => (key: string, value: FilterScalar) =>
    builderOf([...predicates, { op, key: checkedKey(key), ...scalarValue(key, value) }]);
  return {
    equals: scalar('EQUALS'),
    notEquals: scalar('NOT_EQUALS'),
    greaterThan: scalar('GREATER_THAN'),
    greaterThanOrEqual: scalar('GREATER_THAN_EQUALS'),
    lessThan: scalar('LESS_THAN'),
    lessThanOrEqual: scalar('LESS_THAN_EQUALS'),
    isIn: (key, values) =>
      builderOf([...predicates, { op: 'IN', key: checkedKey(key), ...listValue(key, values) }]),
    contains: (key, substring) => {
      if (typeof substring !== 'string') {
        throw invalid(`contains('${key}', ...) needs a string to search for, got ${typeof substring}.`);
      }
      return builderOf([
        ...predicates,
        { op: 'IS_SUBSTRING', key: checkedKey(key), string_value: substring },
      ]);
    },
    predicates,
    toJSON: () => ({ predicates: predicates.map((predicate) => ({ ...predicate })) }),
  };
}

/** A `KfpFilter`, or anything that turns into one (a {@link FilterBuilder}). */
export type FilterLike = KfpFilter | { toJSON(): KfpFilter };

/**
 * The value of a list operation's `filter` query parameter: the JSON, URL-encoded
 * once more, as KFP's own UI sends it. The server URL-decodes the parameter a
 * second time after the gateway did, so without this a `+` in a value would
 * arrive as a space and a `%` would make the filter unparseable.
 */
export function encodeFilter(filter: FilterLike): string {
  const json = 'toJSON' in filter && typeof filter.toJSON === 'function' ? filter.toJSON() : filter;
  return encodeURIComponent(JSON.stringify(json));
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function checkedKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw invalid(`A filter key must be a non-empty string such as 'name', got ${JSON.stringify(key)}.`);
  }
  return key;
}

function scalarValue(key: string, value: unknown): Partial<KfpPredicate> {
  if (typeof value === 'string') return { string_value: value };
  if (typeof value === 'bigint') return { long_value: value.toString() };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(`The filter value for '${key}' is an invalid Date.`);
    return { timestamp_value: value.toISOString() };
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw invalid(
        `The filter value for '${key}' must be an integer (KFP compares int32/int64), got ${value}.`,
      );
    }
    return value >= INT32_MIN && value <= INT32_MAX ? { int_value: value } : { long_value: String(value) };
  }
  throw invalid(
    `The filter value for '${key}' must be a string, integer, bigint or Date, got ${typeof value}.`,
  );
}

function listValue(key: string, values: unknown): Partial<KfpPredicate> {
  if (!Array.isArray(values)) throw invalid(`isIn('${key}', ...) needs an array of values.`);
  if (values.every((value) => typeof value === 'string')) return { string_values: { values: [...values] } };
  const integers = values.every(
    (value) => typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)),
  );
  if (!integers) {
    throw invalid(
      `isIn('${key}', ...) needs all strings or all integers; KFP has no list of timestamps or mixed lists.`,
    );
  }
  const fitsInt32 = values.every(
    (value) => typeof value === 'number' && value >= INT32_MIN && value <= INT32_MAX,
  );
  return fitsInt32
    ? { int_values: { values: values as number[] } }
    : { long_values: { values: values.map((value) => String(value)) } };
}

function invalid(message: string): ConfigError {
  return new ConfigError(ConfigErrorCode.invalidOption, message);
}
