import type { JsonValue } from '@bufbuild/protobuf';
import type { Value } from './generated/ml_metadata/proto/metadata_store_pb.js';

/**
 * An MLMD property value as plain data: numbers (an int64 beyond 2^53 stays a
 * bigint), strings, booleans, a struct as JSON, a packed proto as its type URL.
 */
export type PlainValue = number | bigint | string | boolean | JsonValue | { typeUrl: string } | undefined;

/** One MLMD `Value` as plain data. */
export function plainValue(value: Value | undefined): PlainValue {
  const set = value?.value;
  switch (set?.case) {
    case 'intValue':
      return BigInt(Number(set.value)) === set.value ? Number(set.value) : set.value;
    case 'doubleValue':
    case 'stringValue':
    case 'boolValue':
      return set.value;
    case 'structValue':
      // protobuf-es holds a google.protobuf.Struct as its JSON object already.
      return set.value;
    case 'protoValue':
      return { typeUrl: set.value.typeUrl };
    default:
      return undefined;
  }
}

/** The custom properties of an artifact, execution or context as plain data (what KFP's launcher records there). */
export function plainProperties(properties: { [key: string]: Value }): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = plainValue(value);
  return out;
}
