// Finds schemas that were renamed rather than removed and added: a removed name
// and an added name whose bodies are equal (or nearly, with a similar name).
// Upstream generators rename types (KFP 2.17.0: `googlerpcStatus` ->
// `googleRpcStatus`); reporting that as a rename tells users what to import instead.
import { canonical, withRenamedRefs } from './refs.mjs';

/** Text that does not make two schemas different types. */
const TEXT_KEYS = new Set(['description', 'title', 'example', 'examples', 'externalDocs']);
// Thresholds: an equal body with a loosely similar name, a near-equal body with a
// similar name, or half the fields with a nearly equal name (a case change).
const SIMILAR_NAME = 0.6;
const NEAR_EQUAL_BODY = 0.8;
const NEARLY_EQUAL_NAME = 0.8;
const HALF_THE_FIELDS = 0.5;

/**
 * @param {Record<string, unknown>} oldSchemas @param {Record<string, unknown>} newSchemas
 * @returns {Map<string, string>} old name -> new name
 */
export function detectRenames(oldSchemas, newSchemas) {
  const removed = Object.keys(oldSchemas).filter((name) => !(name in newSchemas));
  const added = Object.keys(newSchemas).filter((name) => !(name in oldSchemas));
  /** @type {Map<string, string>} */
  const renames = new Map();
  // A renamed schema that refers to another renamed one only matches once the
  // other is known: repeat until a round finds nothing new.
  for (let found = true; found; ) {
    found = false;
    const candidates = [];
    for (const from of removed) {
      if (renames.has(from)) continue;
      const before = shape(withRenamedRefs(oldSchemas[from], renames));
      for (const to of added) {
        if ([...renames.values()].includes(to)) continue;
        const body = bodySimilarity(before, shape(newSchemas[to]));
        const name = nameSimilarity(from, to);
        const accepted =
          (body === 1 && (isDistinctive(before) || name >= SIMILAR_NAME)) ||
          (body >= NEAR_EQUAL_BODY && name >= SIMILAR_NAME) ||
          (body >= HALF_THE_FIELDS && name >= NEARLY_EQUAL_NAME);
        if (accepted) candidates.push({ from, to, score: body * 2 + name });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.from.localeCompare(b.from));
    const taken = new Set();
    for (const { from, to } of candidates) {
      if (renames.has(from) || taken.has(to)) continue;
      renames.set(from, to);
      taken.add(to);
      found = true;
    }
  }
  return renames;
}

/** @param {unknown} schema the schema without its text @returns {any} */
function shape(schema) {
  if (Array.isArray(schema)) return schema.map(shape);
  if (typeof schema !== 'object' || schema === null) return schema;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (TEXT_KEYS.has(key)) continue;
    // `properties` maps field names to schemas: its keys are never text keys.
    copy[key] = key === 'properties' ? mapValues(value, shape) : shape(value);
  }
  return copy;
}

/** @param {any} object @param {(value: unknown) => unknown} fn */
function mapValues(object, fn) {
  if (typeof object !== 'object' || object === null) return object;
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
}

/** 1 for equal shapes, else the share of field names both have (Jaccard), else 0. @param {any} a @param {any} b */
function bodySimilarity(a, b) {
  if (canonical(a) === canonical(b)) return 1;
  const aFields = Object.keys(a?.properties ?? {});
  const bFields = new Set(Object.keys(b?.properties ?? {}));
  if (aFields.length === 0 || bFields.size === 0) return 0;
  const shared = aFields.filter((field) => bFields.has(field)).length;
  return shared / (aFields.length + bFields.size - shared);
}

/** A shape too specific to be equal to an unrelated schema by chance. @param {any} shape */
function isDistinctive(shape) {
  return Object.keys(shape?.properties ?? {}).length >= 2 || (shape?.enum?.length ?? 0) >= 2;
}

/** 1 - normalised edit distance, ignoring case. @param {string} a @param {string} b */
export function nameSimilarity(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return 1 - previous[y.length] / Math.max(x.length, y.length);
}
