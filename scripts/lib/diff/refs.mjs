// Following `$ref`s inside one OpenAPI 3 document.

const SCHEMA_REF = '#/components/schemas/';

/** @param {unknown} value @returns {value is { $ref: string }} */
export function isRef(value) {
  return typeof value === 'object' && value !== null && typeof (/** @type {any} */ (value).$ref) === 'string';
}

/** @param {unknown} value the schema's component name when `value` is a `$ref` to one, else undefined */
export function schemaRefName(value) {
  if (!isRef(value) || !value.$ref.startsWith(SCHEMA_REF)) return undefined;
  return decodePointerToken(value.$ref.slice(SCHEMA_REF.length));
}

/** @param {string} token */
function decodePointerToken(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Resolves a local `$ref` chain (`#/components/...`) to the object it names.
 * A dangling reference resolves to an empty object: the comparison then sees
 * "no schema", which is what openapi-typescript would make of it too.
 * @param {any} document @param {any} value
 */
export function resolve(document, value) {
  let current = value;
  const seen = new Set();
  while (isRef(current) && current.$ref.startsWith('#/')) {
    if (seen.has(current.$ref)) return {};
    seen.add(current.$ref);
    let target = document;
    for (const token of current.$ref.slice(2).split('/').map(decodePointerToken)) target = target?.[token];
    current = target ?? {};
  }
  return current ?? {};
}

/**
 * A deep copy of `value` whose schema references use the new names of renamed
 * schemas, so that an old and a new fragment differing only by a rename compare equal.
 * @param {unknown} value @param {Map<string, string>} renames old name -> new name
 * @returns {unknown}
 */
export function withRenamedRefs(value, renames) {
  if (Array.isArray(value)) return value.map((item) => withRenamedRefs(item, renames));
  if (typeof value !== 'object' || value === null) return value;
  const name = schemaRefName(value);
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withRenamedRefs(item, renames);
  if (name !== undefined && renames.has(name)) copy.$ref = `${SCHEMA_REF}${renames.get(name)}`;
  return copy;
}

/** Key-order-independent JSON, for equality checks. @param {unknown} value @returns {string} */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(/** @type {any} */ (value)[key])}`);
  return `{${entries.join(',')}}`;
}
