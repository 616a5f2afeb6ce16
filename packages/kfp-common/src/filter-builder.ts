import { invalidOption } from '@ml-platform/core';

/** A value KFP can compare: text, an int32/int64 number, a bigint (int64) or a timestamp. */
export type FilterScalar = string | number | bigint | Date;

/** Fields of a filter whose resource is not known: any key, any scalar. */
export type AnyFilterFields = Record<string, FilterScalar>;

/** The comparisons of KFP's list filter (filter.proto), the same in v1beta1 and v2beta1. */
export type KfpFilterOperation =
  | 'EQUALS'
  | 'NOT_EQUALS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUALS'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUALS'
  | 'IN'
  | 'IS_SUBSTRING';

/** The value fields of a predicate, named alike in both API versions. */
export interface KfpPredicateValue {
  /** An int32 value. */
  int_value?: number | undefined;
  /** int64, as a string in protobuf's JSON. */
  long_value?: string | undefined;
  /** A text value. */
  string_value?: string | undefined;
  /** RFC 3339; compared as Unix seconds. */
  timestamp_value?: string | undefined;
  /** The int32 values of an `IN` predicate. */
  int_values?:
    | {
        /** The values, any of which matches. */
        values?: number[] | undefined;
      }
    | undefined;
  /** The int64 values of an `IN` predicate, as strings. */
  long_values?:
    | {
        /** The values, any of which matches. */
        values?: string[] | undefined;
      }
    | undefined;
  /** The text values of an `IN` predicate. */
  string_values?:
    | {
        /** The values, any of which matches. */
        values?: string[] | undefined;
      }
    | undefined;
}

type KeyOf<F> = keyof F & string;
/** Keys whose values are text (`contains` applies to those only). */
type TextKey<F> = string extends keyof F
  ? string
  : { [K in KeyOf<F>]: F[K] extends string ? K : never }[KeyOf<F>];
/** Keys whose values can form a list (`isIn`): KFP has no list of timestamps. */
type ListableKey<F> = string extends keyof F
  ? string
  : { [K in KeyOf<F>]: F[K] extends Date ? never : K }[KeyOf<F>];
type ListValue<F, K extends keyof F> = string extends keyof F ? Exclude<FilterScalar, Date> : F[K];

/** Type-only marker that keeps a builder's fields in its type (no value exists at runtime). */
declare const filterFields: unique symbol;

/**
 * An immutable builder of KFP's list filter; every method returns a new
 * builder of the same type. `F` are the fields it may compare, `P` the API
 * version's predicate and `M` its filter message. Each KFP package extends it
 * as its own `FilterBuilder`.
 */
export interface KfpFilterBuilder<F, P, M> {
  /** The fields this builder compares; a type-level marker, never set at runtime. */
  readonly [filterFields]?: F;
  /** The field equals `value` (KFP's EQUALS). */
  equals<K extends KeyOf<F>>(key: K, value: F[K]): this;
  /** The field differs from `value` (KFP's NOT_EQUALS). */
  notEquals<K extends KeyOf<F>>(key: K, value: F[K]): this;
  /** The field is greater than `value` (KFP's GREATER_THAN); timestamps compare as instants. */
  greaterThan<K extends KeyOf<F>>(key: K, value: F[K]): this;
  /** The field is `value` or greater (KFP's GREATER_THAN_EQUALS). */
  greaterThanOrEqual<K extends KeyOf<F>>(key: K, value: F[K]): this;
  /** The field is less than `value` (KFP's LESS_THAN). */
  lessThan<K extends KeyOf<F>>(key: K, value: F[K]): this;
  /** The field is `value` or less (KFP's LESS_THAN_EQUALS). */
  lessThanOrEqual<K extends KeyOf<F>>(key: K, value: F[K]): this;
  /** The value is one of `values` (all strings, or all integers). */
  isIn<K extends ListableKey<F>>(key: K, values: readonly ListValue<F, K>[]): this;
  /** The text value contains `substring` (KFP's IS_SUBSTRING). */
  contains<K extends TextKey<F>>(key: K, substring: string): this;
  /** The predicates so far; KFP ANDs them. */
  readonly predicates: readonly P[];
  /** The filter message, ready for `JSON.stringify` or a typed request. */
  toJSON(): M;
}

/** How an API version spells a filter; the rest of the builder is shared. */
export interface KfpFilterDialect<P, M> {
  /** A predicate with its comparison under the version's name for it (`op` in v1beta1, `operation` in v2beta1). */
  predicate(operation: KfpFilterOperation, key: string, value: KfpPredicateValue): P;
  /** The filter message holding `predicates`. */
  message(predicates: P[]): M;
  /** A key of the version, shown in the error for a blank key. */
  exampleKey: string;
}

/** An empty filter builder for an API version; `kfpFilter()` of each KFP package. */
export function createKfpFilterBuilder<P, M>(
  dialect: KfpFilterDialect<P, M>,
): KfpFilterBuilder<AnyFilterFields, P, M> {
  return builderOf(dialect, []);
}

function builderOf<P, M>(
  dialect: KfpFilterDialect<P, M>,
  predicates: readonly P[],
): KfpFilterBuilder<AnyFilterFields, P, M> {
  const add = (operation: KfpFilterOperation, key: unknown, value: (key: string) => KfpPredicateValue) => {
    const checked = checkedKey(key, dialect.exampleKey);
    return builderOf(dialect, [...predicates, dialect.predicate(operation, checked, value(checked))]);
  };
  const scalar = (operation: KfpFilterOperation) => (key: string, value: FilterScalar) =>
    add(operation, key, (checked) => scalarValue(checked, value));
  return {
    equals: scalar('EQUALS'),
    notEquals: scalar('NOT_EQUALS'),
    greaterThan: scalar('GREATER_THAN'),
    greaterThanOrEqual: scalar('GREATER_THAN_EQUALS'),
    lessThan: scalar('LESS_THAN'),
    lessThanOrEqual: scalar('LESS_THAN_EQUALS'),
    isIn: (key, values) => add('IN', key, (checked) => listValue(checked, values)),
    contains: (key, substring) => {
      if (typeof substring !== 'string') {
        throw invalidOption(`contains('${key}', ...) needs a string to search for, got ${typeof substring}.`);
      }
      return add('IS_SUBSTRING', key, () => ({ string_value: substring }));
    },
    predicates,
    toJSON: () => dialect.message(predicates.map((predicate) => ({ ...predicate }))),
  };
}

/**
 * The value of a list operation's `filter` query parameter: the JSON, URL-encoded
 * once more, as KFP's own UI sends it. The server URL-decodes the parameter a
 * second time after the gateway did, so without this a `+` in a value would
 * arrive as a space and a `%` would make the filter unparseable.
 */
export function encodeKfpFilter(filter: object): string {
  const json = 'toJSON' in filter && typeof filter.toJSON === 'function' ? filter.toJSON() : filter;
  return encodeURIComponent(JSON.stringify(json));
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function checkedKey(key: unknown, exampleKey: string): string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw invalidOption(
      `A filter key must be a non-empty string such as '${exampleKey}', got ${JSON.stringify(key)}.`,
    );
  }
  return key;
}

function scalarValue(key: string, value: unknown): KfpPredicateValue {
  if (typeof value === 'string') return { string_value: value };
  if (typeof value === 'bigint') return { long_value: value.toString() };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw invalidOption(`The filter value for '${key}' is an invalid Date.`);
    return { timestamp_value: value.toISOString() };
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw invalidOption(
        `The filter value for '${key}' must be an integer (KFP compares int32/int64), got ${value}.`,
      );
    }
    return value >= INT32_MIN && value <= INT32_MAX ? { int_value: value } : { long_value: String(value) };
  }
  throw invalidOption(
    `The filter value for '${key}' must be a string, integer, bigint or Date, got ${typeof value}.`,
  );
}

function listValue(key: string, values: unknown): KfpPredicateValue {
  if (!Array.isArray(values)) throw invalidOption(`isIn('${key}', ...) needs an array of values.`);
  if (values.every((value) => typeof value === 'string')) return { string_values: { values: [...values] } };
  const integers = values.every(
    (value) => typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)),
  );
  if (!integers) {
    throw invalidOption(
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
