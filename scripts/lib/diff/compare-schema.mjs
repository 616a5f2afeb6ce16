// Compares one schema in two versions of a document, field by field, as the
// TypeScript type openapi-typescript makes of it.
import { record } from './changes.mjs';
import { canonical, isRef, resolve, schemaRefName, withRenamedRefs } from './refs.mjs';
import { maxClass } from './rules.mjs';

/**
 * @typedef {import('./changes.mjs').DiffContext} DiffContext
 * @typedef {{
 *   group: import('./changes.mjs').Group,
 *   direction: import('./rules.mjs').Direction,
 *   base: string,
 *   path: string,
 *   seen: Set<string>,
 * }} Scope
 *   base: what holds the schema ("request body", "parameter `x`", or "" for a named schema);
 *   path: the field inside it; seen: referenced-schema pairs already being compared (cycles).
 */

const TEXT_KEYS = ['description', 'title', 'example', 'examples', 'default', 'externalDocs', 'xml'];
const CONSTRAINT_KEYS = [
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'minProperties',
  'maxProperties',
  'readOnly',
  'writeOnly',
];
const STRUCTURE_KEYS = [
  '$ref',
  'type',
  'format',
  'nullable',
  'enum',
  'deprecated',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
];
const HANDLED_KEYS = new Set([...TEXT_KEYS, ...CONSTRAINT_KEYS, ...STRUCTURE_KEYS]);
const COMPOSITIONS = ['allOf', 'oneOf', 'anyOf'];

/** @param {Scope} scope what a message is about */
function subject(scope) {
  const field = scope.path ? `${/^[[{]/.test(scope.path) ? 'element' : 'field'} \`${scope.path}\`` : '';
  if (scope.base && field) return `${scope.base} ${field}`;
  return scope.base || field || 'schema';
}

/** @param {Scope} scope @param {string} step a field name, `[]` (array items) or `{}` (map values) */
function child(scope, step) {
  const path =
    step.startsWith('[') || step.startsWith('{') || !scope.path
      ? `${scope.path}${step}`
      : `${scope.path}.${step}`;
  return { ...scope, path };
}

/**
 * @param {DiffContext} context @param {any} before @param {any} after @param {Scope} scope
 */
export function compareSchema(context, before, after, scope) {
  const beforeName = schemaRefName(before);
  const afterName = schemaRefName(after);
  if (beforeName !== undefined && afterName !== undefined) {
    // Same (or renamed) named schema: compared once, on its own, not at every use.
    if ((context.renames.get(beforeName) ?? beforeName) === afterName) return;
    compareReferenced(context, before, after, scope, `\`${beforeName}\``, `\`${afterName}\``);
    return;
  }
  if (isRef(before) || isRef(after)) {
    const describe = (/** @type {any} */ schema, /** @type {any} */ document) =>
      schemaRefName(schema)
        ? `\`${schemaRefName(schema)}\``
        : `an inline ${kindOf(resolve(document, schema))}`;
    compareReferenced(
      context,
      before,
      after,
      scope,
      describe(before, context.oldDoc),
      describe(after, context.newDoc),
    );
    return;
  }
  compareInline(context, before ?? {}, after ?? {}, scope);
}

/**
 * A field now points at a different schema: its class is that of the
 * difference between the two schemas' bodies (same shape: patch).
 * @param {DiffContext} context @param {any} before @param {any} after @param {Scope} scope
 * @param {string} from @param {string} to
 */
function compareReferenced(context, before, after, scope, from, to) {
  const pair = `${before?.$ref ?? canonical(before)} -> ${after?.$ref ?? canonical(after)}`;
  if (scope.seen.has(pair)) return;
  /** @type {DiffContext} */
  const inner = { ...context, changes: [] };
  const seen = new Set(scope.seen).add(pair);
  compareSchema(inner, resolve(context.oldDoc, before), resolve(context.newDoc, after), {
    ...scope,
    base: '',
    path: '',
    seen,
  });
  const cls = inner.changes.reduce(
    (highest, change) => maxClass(highest, change.class),
    /** @type {import('./rules.mjs').ChangeClass} */ ('patch'),
  );
  const reasons = inner.changes
    .filter((change) => change.class === cls)
    .slice(0, 3)
    .map((change) => change.message);
  const why = inner.changes.length === 0 ? 'same shape' : `${cls} because ${reasons.join('; ')}`;
  record(
    context,
    scope.group,
    scope.direction,
    'type-reference-changed',
    `${subject(scope)}: type changed from ${from} to ${to} (${why})`,
    cls,
  );
}

/** The TypeScript type family openapi-typescript emits for a schema. @param {any} schema */
export function kindOf(schema) {
  if (schema.format === 'binary') return 'Blob';
  if (COMPOSITIONS.some((key) => Array.isArray(schema[key]))) return 'composite';
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
    case 'boolean':
    case 'object':
    case 'array':
      return schema.type;
  }
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  if (Array.isArray(schema.enum) && schema.enum.length) return typeof schema.enum[0];
  return 'unknown';
}

/** @param {DiffContext} context @param {any} before @param {any} after @param {Scope} scope */
function compareInline(context, before, after, scope) {
  const emit = (/** @type {string} */ rule, /** @type {string} */ what) =>
    record(context, scope.group, scope.direction, rule, `${subject(scope)}: ${what}`);
  const beforeKind = kindOf(before);
  const afterKind = kindOf(after);
  if (beforeKind !== afterKind) {
    const rule =
      afterKind === 'unknown'
        ? 'type-became-unknown'
        : beforeKind === 'unknown'
          ? 'type-became-known'
          : 'type-changed';
    emit(rule, `type changed from ${beforeKind} to ${afterKind}`);
  } else {
    if (before.type !== after.type)
      emit('number-kind-changed', `type changed from ${before.type} to ${after.type}`);
    if (before.format !== after.format)
      emit('format-changed', `format changed from ${before.format} to ${after.format}`);
    compareEnum(before, after, emit);
    if (beforeKind === 'object') compareObject(context, before, after, scope);
    if (beforeKind === 'array') compareSchema(context, before.items, after.items, child(scope, '[]'));
    if (beforeKind === 'composite') compareComposition(context, before, after, scope, emit);
  }
  if (Boolean(before.nullable) !== Boolean(after.nullable)) {
    emit(
      after.nullable ? 'nullable-added' : 'nullable-removed',
      after.nullable ? 'now nullable' : 'no longer nullable',
    );
  }
  if (Boolean(before.deprecated) !== Boolean(after.deprecated)) {
    emit(
      after.deprecated ? 'field-deprecated' : 'field-undeprecated',
      after.deprecated ? 'deprecated' : 'no longer deprecated',
    );
  }
  const text = changedKeys(before, after, TEXT_KEYS);
  if (text.length) emit('text-changed', `${text.join(', ')} changed`);
  const constraints = changedKeys(before, after, CONSTRAINT_KEYS);
  if (constraints.length) emit('constraint-changed', `${constraints.join(', ')} changed`);
  const other = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) =>
      !HANDLED_KEYS.has(key) &&
      canonical(withRenamedRefs(before[key], context.renames)) !== canonical(after[key]),
  );
  if (other.length) emit('schema-other-changed', `${other.sort().join(', ')} changed`);
}

/** @param {any} before @param {any} after @param {(rule: string, what: string) => void} emit */
function compareEnum(before, after, emit) {
  const hadEnum = Array.isArray(before.enum);
  const hasEnum = Array.isArray(after.enum);
  if (!hadEnum && !hasEnum) return;
  if (!hadEnum) return emit('enum-constraint-added', `now limited to ${list(after.enum)}`);
  if (!hasEnum) return emit('enum-constraint-removed', `no longer limited to ${list(before.enum)}`);
  const removed = before.enum.filter((/** @type {unknown} */ value) => !after.enum.includes(value));
  const added = after.enum.filter((/** @type {unknown} */ value) => !before.enum.includes(value));
  if (removed.length)
    emit('enum-value-removed', `enum value${removed.length > 1 ? 's' : ''} ${list(removed)} removed`);
  if (added.length) emit('enum-value-added', `enum value${added.length > 1 ? 's' : ''} ${list(added)} added`);
}

/** @param {DiffContext} context @param {any} before @param {any} after @param {Scope} scope */
function compareObject(context, before, after, scope) {
  const beforeFields = before.properties ?? {};
  const afterFields = after.properties ?? {};
  for (const name of Object.keys(beforeFields)) {
    const field = child(scope, name);
    const emit = (/** @type {string} */ rule, /** @type {string} */ what) =>
      record(context, scope.group, scope.direction, rule, `${subject(field)}: ${what}`);
    if (!(name in afterFields)) {
      emit('field-removed', 'removed');
      continue;
    }
    const wasRequired = isRequired(before, name);
    const isNowRequired = isRequired(after, name);
    if (!wasRequired && isNowRequired)
      emit('field-made-required', `now required${becauseOfDefault(after, name)}`);
    if (wasRequired && !isNowRequired)
      emit('field-made-optional', `now optional${becauseOfDefault(before, name)}`);
    compareSchema(context, beforeFields[name], afterFields[name], field);
  }
  for (const name of Object.keys(afterFields)) {
    if (name in beforeFields) continue;
    const required = isRequired(after, name);
    record(
      context,
      scope.group,
      scope.direction,
      required ? 'required-field-added' : 'optional-field-added',
      `${subject(child(scope, name))}: added (${required ? 'required' : 'optional'})`,
    );
  }
  const beforeMap = mapValues(before.additionalProperties);
  const afterMap = mapValues(after.additionalProperties);
  if (!beforeMap && afterMap)
    record(
      context,
      scope.group,
      scope.direction,
      'map-values-added',
      `${subject(scope)}: now accepts other keys`,
    );
  if (beforeMap && !afterMap)
    record(
      context,
      scope.group,
      scope.direction,
      'map-values-removed',
      `${subject(scope)}: no longer accepts other keys`,
    );
  if (beforeMap && afterMap) compareSchema(context, beforeMap, afterMap, child(scope, '{}'));
}

/**
 * Whether the generated property is non-optional: listed in `required`, or
 * (openapi-typescript's `defaultNonNullable`, on by default) given a `default`.
 * @param {any} schema @param {string} name
 */
function isRequired(schema, name) {
  const field = schema.properties?.[name];
  return (
    (schema.required ?? []).includes(name) ||
    (!isRef(field) && field !== null && typeof field === 'object' && 'default' in field)
  );
}

/** @param {any} schema @param {string} name */
function becauseOfDefault(schema, name) {
  return (schema.required ?? []).includes(name)
    ? ''
    : ' (it has a default, which openapi-typescript types as always present)';
}

/** `additionalProperties` as openapi-typescript sees it: none, or a value schema. @param {unknown} value */
function mapValues(value) {
  if (value === undefined || value === false) return undefined;
  return value === true ? {} : value;
}

/**
 * @param {DiffContext} context @param {any} before @param {any} after @param {Scope} scope
 * @param {(rule: string, what: string) => void} emit
 */
function compareComposition(context, before, after, scope, emit) {
  for (const key of COMPOSITIONS) {
    const beforeMembers = before[key] ?? [];
    const afterMembers = after[key] ?? [];
    if (beforeMembers.length !== afterMembers.length) {
      emit(
        'composition-changed',
        `${key} changed from ${beforeMembers.length} to ${afterMembers.length} members`,
      );
      continue;
    }
    beforeMembers.forEach((/** @type {any} */ member, /** @type {number} */ index) => {
      compareSchema(context, member, afterMembers[index], scope);
    });
  }
}

/** @param {any} before @param {any} after @param {string[]} keys */
function changedKeys(before, after, keys) {
  return keys.filter((key) => canonical(before[key]) !== canonical(after[key]));
}

/** @param {unknown[]} values */
function list(values) {
  return values.map((value) => `\`${String(value)}\``).join(', ');
}
