// Compares the operations of two document versions: `paths[path][method]` and
// `operations[operationId]` as openapi-typescript exports them.
import { record } from './changes.mjs';
import { compareSchema } from './compare-schema.mjs';
import { canonical, resolve, withRenamedRefs } from './refs.mjs';
import { HTTP_METHODS } from './usage.mjs';

/** @typedef {import('./changes.mjs').DiffContext} DiffContext @typedef {import('./changes.mjs').Group} Group */
/** @typedef {{ key: string, method: string, path: string, operation: any, parameters: any[] }} OperationEntry */

const OPERATION_TEXT_KEYS = ['summary', 'description', 'tags', 'externalDocs'];
const PARAMETER_TEXT_KEYS = ['description', 'example', 'examples', 'deprecated'];

/** @param {DiffContext} context */
export function compareOperations(context) {
  const before = operationsOf(context.oldDoc);
  const after = operationsOf(context.newDoc);
  const removed = [...before.values()].filter((entry) => !after.has(entry.key));
  const added = [...after.values()].filter((entry) => !before.has(entry.key));

  // An operation that kept its operationId but moved to another path or method.
  for (const old of removed) {
    const id = old.operation.operationId;
    const moved = id ? added.find((entry) => entry.operation.operationId === id) : undefined;
    if (moved) {
      added.splice(added.indexOf(moved), 1);
      record(
        context,
        groupOf(moved),
        'both',
        'operation-moved',
        `moved from \`${old.key}\` to \`${moved.key}\``,
      );
      compareOperation(context, old, moved);
    } else {
      record(context, groupOf(old), 'both', 'operation-removed', 'operation removed');
    }
  }
  for (const entry of added) record(context, groupOf(entry), 'both', 'operation-added', 'operation added');
  for (const old of before.values()) {
    const current = after.get(old.key);
    if (current) compareOperation(context, old, current);
  }
}

/** @param {any} document @returns {Map<string, OperationEntry>} keyed `METHOD /path` */
function operationsOf(document) {
  /** @type {Map<string, OperationEntry>} */
  const entries = new Map();
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      entries.set(key, {
        key,
        method,
        path,
        operation,
        parameters: parametersOf(document, pathItem, operation),
      });
    }
  }
  return entries;
}

/** Path-level parameters apply unless the operation redefines them (same name and `in`). */
function parametersOf(
  /** @type {any} */ document,
  /** @type {any} */ pathItem,
  /** @type {any} */ operation,
) {
  const byKey = new Map();
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const resolved = resolve(document, parameter);
    byKey.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return [...byKey.values()];
}

/** @param {OperationEntry} entry @returns {Group} */
function groupOf(entry) {
  return { kind: 'operation', name: entry.key, detail: entry.operation.operationId };
}

/** @param {DiffContext} context @param {OperationEntry} before @param {OperationEntry} after */
function compareOperation(context, before, after) {
  const group = groupOf(after);
  const count = context.changes.length;
  const emit = (/** @type {string} */ rule, /** @type {string} */ message) =>
    record(context, group, 'both', rule, message);
  const old = before.operation;
  const current = after.operation;

  if (old.operationId !== current.operationId) {
    emit(
      'operation-id-changed',
      `operationId changed from \`${old.operationId}\` to \`${current.operationId}\``,
    );
  }
  if (Boolean(old.deprecated) !== Boolean(current.deprecated)) {
    emit(
      current.deprecated ? 'operation-deprecated' : 'operation-undeprecated',
      current.deprecated ? 'deprecated' : 'no longer deprecated',
    );
  }
  const text = OPERATION_TEXT_KEYS.filter((key) => canonical(old[key]) !== canonical(current[key]));
  if (text.length) emit('operation-text-changed', `${text.join(', ')} changed`);
  if (canonical(old.security) !== canonical(current.security))
    emit('operation-security-changed', 'security requirements changed');

  compareParameters(context, group, before.parameters, after.parameters);
  compareRequestBody(
    context,
    group,
    resolve(context.oldDoc, old.requestBody),
    resolve(context.newDoc, current.requestBody),
  );
  compareResponses(context, group, old.responses ?? {}, current.responses ?? {});

  // Whatever no rule above explains, so that no difference goes unreported.
  if (context.changes.length === count) {
    const renamed = withRenamedRefs({ ...old, parameters: before.parameters }, context.renames);
    if (canonical(renamed) !== canonical({ ...current, parameters: after.parameters })) {
      emit('operation-other-changed', 'other details changed');
    }
  }
}

/** @param {DiffContext} context @param {Group} group @param {any[]} before @param {any[]} after */
function compareParameters(context, group, before, after) {
  const key = (/** @type {any} */ parameter) => `${parameter.in}:${parameter.name}`;
  const afterByKey = new Map(after.map((parameter) => [key(parameter), parameter]));
  const beforeByKey = new Map(before.map((parameter) => [key(parameter), parameter]));
  const label = (/** @type {any} */ parameter) => `parameter \`${parameter.name}\` (${parameter.in})`;
  for (const old of before) {
    const current = afterByKey.get(key(old));
    const emit = (/** @type {string} */ rule, /** @type {string} */ what) =>
      record(context, group, 'request', rule, `${label(old)}: ${what}`);
    if (!current) {
      emit('parameter-removed', 'removed');
      continue;
    }
    if (!old.required && current.required) emit('parameter-made-required', 'now required');
    if (old.required && !current.required) emit('parameter-made-optional', 'now optional');
    const text = PARAMETER_TEXT_KEYS.filter((name) => canonical(old[name]) !== canonical(current[name]));
    if (text.length) emit('parameter-text-changed', `${text.join(', ')} changed`);
    compareSchema(context, old.schema, current.schema, scope(group, 'request', label(old)));
  }
  for (const current of after) {
    if (beforeByKey.has(key(current))) continue;
    const rule = current.required ? 'required-parameter-added' : 'optional-parameter-added';
    record(
      context,
      group,
      'request',
      rule,
      `${label(current)}: added (${current.required ? 'required' : 'optional'})`,
    );
  }
}

/** @param {DiffContext} context @param {Group} group @param {any} before @param {any} after */
function compareRequestBody(context, group, before, after) {
  const emit = (/** @type {string} */ rule, /** @type {string} */ message) =>
    record(context, group, 'request', rule, message);
  const had = Boolean(before.content);
  const has = Boolean(after.content);
  if (!had && has) {
    emit(
      after.required ? 'required-request-body-added' : 'optional-request-body-added',
      `request body added (${after.required ? 'required' : 'optional'})`,
    );
    return;
  }
  if (had && !has) return emit('request-body-removed', 'request body removed');
  if (!had) return;
  if (!before.required && after.required) emit('request-body-made-required', 'request body now required');
  if (before.required && !after.required) emit('request-body-made-optional', 'request body now optional');
  compareContent(context, group, 'request', 'request body', before.content, after.content);
}

/** @param {DiffContext} context @param {Group} group @param {Record<string, any>} before @param {Record<string, any>} after */
function compareResponses(context, group, before, after) {
  for (const [status, response] of Object.entries(before)) {
    if (!(status in after)) {
      record(context, group, 'response', 'response-removed', `response ${status} removed`);
      continue;
    }
    const old = resolve(context.oldDoc, response);
    const current = resolve(context.newDoc, after[status]);
    const label = `response ${status}`;
    if (canonical(old.description) !== canonical(current.description)) {
      record(context, group, 'response', 'response-text-changed', `${label}: description changed`);
    }
    compareContent(context, group, 'response', label, old.content ?? {}, current.content ?? {});
    compareHeaders(context, group, label, old.headers ?? {}, current.headers ?? {});
  }
  for (const status of Object.keys(after)) {
    if (!(status in before)) record(context, group, 'response', 'response-added', `response ${status} added`);
  }
}

/**
 * @param {DiffContext} context @param {Group} group @param {'request' | 'response'} direction
 * @param {string} label @param {Record<string, any>} before @param {Record<string, any>} after
 */
function compareContent(context, group, direction, label, before, after) {
  const several = Object.keys(before).length > 1 || Object.keys(after).length > 1;
  for (const [mediaType, media] of Object.entries(before)) {
    if (!(mediaType in after)) {
      record(
        context,
        group,
        direction,
        `${direction}-media-type-removed`,
        `${label}: content type \`${mediaType}\` removed`,
      );
      continue;
    }
    const where = several ? `${label} (${mediaType})` : label;
    compareSchema(context, media?.schema, after[mediaType]?.schema, scope(group, direction, where));
  }
  for (const mediaType of Object.keys(after)) {
    if (!(mediaType in before)) {
      record(
        context,
        group,
        direction,
        `${direction}-media-type-added`,
        `${label}: content type \`${mediaType}\` added`,
      );
    }
  }
}

/**
 * @param {DiffContext} context @param {Group} group @param {string} label
 * @param {Record<string, any>} before @param {Record<string, any>} after
 */
function compareHeaders(context, group, label, before, after) {
  for (const [name, header] of Object.entries(before)) {
    if (!(name in after)) {
      record(context, group, 'response', 'response-header-removed', `${label}: header \`${name}\` removed`);
      continue;
    }
    const old = resolve(context.oldDoc, header);
    const current = resolve(context.newDoc, after[name]);
    compareSchema(
      context,
      old.schema,
      current.schema,
      scope(group, 'response', `${label} header \`${name}\``),
    );
  }
  for (const name of Object.keys(after)) {
    if (!(name in before))
      record(context, group, 'response', 'response-header-added', `${label}: header \`${name}\` added`);
  }
}

/** @param {Group} group @param {'request' | 'response'} direction @param {string} base */
function scope(group, direction, base) {
  return { group, direction, base, path: '', seen: new Set() };
}
