// Compares two versions of a converted (OpenAPI 3) document and classifies
// every difference a user of the generated package can see: the exported types
// (`paths`, `operations`, `components`) and the shipped `openapi.json` itself.
import { record } from './changes.mjs';
import { compareOperations } from './compare-operations.mjs';
import { compareSchema } from './compare-schema.mjs';
import { canonical, withRenamedRefs } from './refs.mjs';
import { detectRenames } from './renames.mjs';
import { maxClass } from './rules.mjs';
import { combinedDirection, schemaDirections } from './usage.mjs';

/**
 * @typedef {import('./changes.mjs').Change} Change
 * @typedef {{ changes: Change[], renames: Map<string, string>, highest: import('./rules.mjs').ChangeClass | undefined }} Comparison
 */

/** Component kinds openapi-typescript exports besides schemas (their contents are compared through the operations). */
const OTHER_COMPONENT_KINDS = ['responses', 'parameters', 'requestBodies', 'headers', 'pathItems'];
const DOCUMENT = /** @type {const} */ ({ kind: 'document', name: 'document' });

/** @param {any} oldDoc @param {any} newDoc @returns {Comparison} */
export function compareDocuments(oldDoc, newDoc) {
  const oldSchemas = oldDoc.components?.schemas ?? {};
  const newSchemas = newDoc.components?.schemas ?? {};
  const renames = detectRenames(oldSchemas, newSchemas);
  /** @type {import('./changes.mjs').DiffContext} */
  const context = { oldDoc, newDoc, renames, changes: [] };

  compareSchemas(context, oldSchemas, newSchemas);
  compareOtherComponents(context);
  compareOperations(context);
  compareDocumentLevel(context);

  if (context.changes.length === 0 && canonical(oldDoc) !== canonical(newDoc)) {
    record(context, DOCUMENT, 'both', 'document-other-changed', 'other details changed');
  }
  const highest = context.changes.reduce(
    (/** @type {import('./rules.mjs').ChangeClass | undefined} */ top, change) =>
      top ? maxClass(top, change.class) : change.class,
    undefined,
  );
  return { changes: context.changes, renames, highest };
}

/**
 * @param {import('./changes.mjs').DiffContext} context
 * @param {Record<string, any>} oldSchemas @param {Record<string, any>} newSchemas
 */
function compareSchemas(context, oldSchemas, newSchemas) {
  const oldDirections = schemaDirections(context.oldDoc);
  const newDirections = schemaDirections(context.newDoc);
  const renamedTo = new Set(context.renames.values());
  for (const [name, before] of Object.entries(oldSchemas)) {
    const newName = context.renames.get(name) ?? name;
    const group = { kind: /** @type {const} */ ('schema'), name: newName };
    const direction = combinedDirection(oldDirections.get(name), newDirections.get(newName));
    if (!(newName in newSchemas)) {
      record(context, { kind: 'schema', name }, direction, 'schema-removed', `schema \`${name}\` removed`);
      continue;
    }
    if (newName !== name) {
      const same = canonical(withRenamedRefs(before, context.renames)) === canonical(newSchemas[newName]);
      record(
        context,
        group,
        direction,
        'schema-renamed',
        `schema \`${name}\` renamed to \`${newName}\`${same ? ' (same shape)' : ''}: import \`${newName}\` instead`,
      );
    }
    const count = context.changes.length;
    compareSchema(context, before, newSchemas[newName], {
      group,
      direction,
      base: '',
      path: '',
      seen: new Set(),
    });
    const unexplained =
      context.changes.length === count &&
      canonical(withRenamedRefs(before, context.renames)) !== canonical(newSchemas[newName]);
    if (unexplained)
      record(context, group, direction, 'schema-other-changed', 'schema: other details changed');
  }
  for (const name of Object.keys(newSchemas)) {
    if (name in oldSchemas || renamedTo.has(name)) continue;
    const direction = combinedDirection(undefined, newDirections.get(name));
    record(context, { kind: 'schema', name }, direction, 'schema-added', `schema \`${name}\` added`);
  }
}

/** @param {import('./changes.mjs').DiffContext} context */
function compareOtherComponents(context) {
  for (const kind of OTHER_COMPONENT_KINDS) {
    const before = context.oldDoc.components?.[kind] ?? {};
    const after = context.newDoc.components?.[kind] ?? {};
    for (const name of Object.keys(before)) {
      if (!(name in after)) {
        record(
          context,
          { kind: 'component', name: `${kind}/${name}` },
          'both',
          'component-removed',
          `\`components['${kind}']['${name}']\` removed`,
        );
      }
    }
    for (const name of Object.keys(after)) {
      if (!(name in before)) {
        record(
          context,
          { kind: 'component', name: `${kind}/${name}` },
          'both',
          'component-added',
          `\`components['${kind}']['${name}']\` added`,
        );
      }
    }
  }
}

/** @param {import('./changes.mjs').DiffContext} context */
function compareDocumentLevel(context) {
  const { oldDoc, newDoc } = context;
  const emit = (/** @type {string} */ rule, /** @type {string} */ message) =>
    record(context, DOCUMENT, 'both', rule, message);
  for (const key of new Set([...Object.keys(oldDoc.info ?? {}), ...Object.keys(newDoc.info ?? {})])) {
    const before = oldDoc.info?.[key];
    const after = newDoc.info?.[key];
    if (canonical(before) === canonical(after)) continue;
    const simple =
      typeof before === 'string' && typeof after === 'string' && before.length + after.length < 80;
    emit(
      'document-info-changed',
      simple ? `info.${key} changed from \`${before}\` to \`${after}\`` : `info.${key} changed`,
    );
  }
  if (canonical(oldDoc.servers) !== canonical(newDoc.servers))
    emit('document-servers-changed', 'servers changed');
  const security = [oldDoc.security, oldDoc.components?.securitySchemes];
  if (canonical(security) !== canonical([newDoc.security, newDoc.components?.securitySchemes])) {
    emit('document-security-changed', 'security schemes or requirements changed');
  }
  if (canonical(oldDoc.tags) !== canonical(newDoc.tags)) emit('document-tags-changed', 'tags changed');
  const known = new Set(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']);
  const other = [...new Set([...Object.keys(oldDoc), ...Object.keys(newDoc)])].filter(
    (key) => !known.has(key) && canonical(oldDoc[key]) !== canonical(newDoc[key]),
  );
  if (canonical(oldDoc.openapi) !== canonical(newDoc.openapi)) other.unshift('openapi');
  if (other.length) emit('document-other-changed', `${other.join(', ')} changed`);
}
