// Compares two releases of a pinned .proto as users of the generated package see them: the
// exported message and enum types (protobuf-es names, e.g. `PipelineTaskSpec_RetryPolicy`), their
// fields by JSON name (what a compiled pipeline spells, and what the loader refuses when it does
// not know it), field types, enum values, deprecations and doc comments. Same Comparison shape as
// compare-documents.mjs, so bump, report and changeset work unchanged.
import { createFileRegistry, fromBinary, ScalarType } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { getComments } from '@bufbuild/protoplugin';
import { buildDescriptorSet } from '../protobuf-codegen.mjs';
import { record } from './changes.mjs';
import { maxClass } from './rules.mjs';

/**
 * @typedef {import('@bufbuild/protobuf').DescMessage} DescMessage
 * @typedef {import('@bufbuild/protobuf').DescEnum} DescEnum
 * @typedef {import('@bufbuild/protobuf').DescField} DescField
 * @typedef {import('./changes.mjs').DiffContext} DiffContext
 */

// A pipeline spec is written (compiled packages, runPipelinePackage) and read (runs, versions).
const DIRECTION = 'both';

/** @param {import('../protobuf-codegen.mjs').ProtoInput[]} protos the pinned files, compared together */
function load(protos) {
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, buildDescriptorSet(protos)));
  /** @type {Map<string, DescMessage>} */ const messages = new Map();
  /** @type {Map<string, DescEnum>} */ const enums = new Map();
  // Every pinned file of one API shares its proto package (pipeline_spec: ml_pipelines; MLMD: ml_metadata).
  const packages = new Set();
  const exportName = (/** @type {{ typeName: string }} */ desc) => {
    const owner = [...packages].find((name) => desc.typeName.startsWith(`${name}.`));
    return desc.typeName.slice(owner ? owner.length + 1 : 0).replaceAll('.', '_');
  };
  /** @param {DescMessage} message */
  const visit = (message) => {
    // Map entries are not types of their own in the generated code.
    if (message.proto.options?.mapEntry) return;
    messages.set(exportName(message), message);
    for (const nested of message.nestedEnums) enums.set(exportName(nested), nested);
    for (const nested of message.nestedMessages) visit(nested);
  };
  const roots = protos.map(({ name }) => {
    const root = registry.getFile(name);
    if (!root) throw new Error(`${name} is not in the descriptor set buf built`);
    if (root.proto.package) packages.add(root.proto.package);
    return root;
  });
  for (const root of roots) {
    for (const message of root.messages) visit(message);
    for (const enumeration of root.enums) enums.set(exportName(enumeration), enumeration);
  }
  return { messages, enums, exportName };
}

/** @param {{ leading?: string }} comments */
const commentText = (comments) => (comments.leading ?? '').trim();

/** @param {DescField} field @param {(desc: { typeName: string }) => string} exportName */
function typeOf(field, exportName) {
  const element = (/** @type {any} */ f, kind) => {
    if (kind === 'scalar') return ScalarType[f.scalar].toLowerCase();
    if (kind === 'enum') return exportName(f.enum);
    return exportName(f.message);
  };
  switch (field.fieldKind) {
    case 'list':
      return `${element(field, field.listKind)}[]`;
    case 'map':
      return `map<${ScalarType[field.mapKey].toLowerCase()}, ${element(field, field.mapKind)}>`;
    default:
      return element(field, field.fieldKind);
  }
}

/**
 * @param {import('../protobuf-codegen.mjs').ProtoInput[]} oldProtos the verified pinned files of the old release
 * @param {import('../protobuf-codegen.mjs').ProtoInput[]} newProtos the same files of the new release
 * @returns {import('./compare-documents.mjs').Comparison}
 */
export function compareProtoFiles(oldProtos, newProtos) {
  const before = load(oldProtos);
  const after = load(newProtos);
  /** @type {DiffContext} */
  const context = { oldDoc: undefined, newDoc: undefined, renames: new Map(), changes: [] };

  for (const [name, message] of before.messages) {
    const group = { kind: /** @type {const} */ ('schema'), name };
    const next = after.messages.get(name);
    if (!next) {
      record(context, group, DIRECTION, 'schema-removed', `message \`${name}\` removed`);
      continue;
    }
    compareFields(context, group, message, next, before.exportName, after.exportName);
    compareDeclaration(context, group, `message \`${name}\``, message, next);
  }
  for (const name of after.messages.keys()) {
    if (!before.messages.has(name)) {
      record(context, { kind: 'schema', name }, DIRECTION, 'schema-added', `message \`${name}\` added`);
    }
  }
  for (const [name, enumeration] of before.enums) {
    const group = { kind: /** @type {const} */ ('schema'), name };
    const next = after.enums.get(name);
    if (!next) {
      record(context, group, DIRECTION, 'schema-removed', `enum \`${name}\` removed`);
      continue;
    }
    const newValues = new Set(next.values.map((value) => value.name));
    const oldValues = new Set(enumeration.values.map((value) => value.name));
    for (const value of oldValues) {
      if (!newValues.has(value))
        record(context, group, DIRECTION, 'enum-value-removed', `value \`${value}\` removed`);
    }
    for (const value of newValues) {
      if (!oldValues.has(value))
        record(context, group, DIRECTION, 'enum-value-added', `value \`${value}\` added`);
    }
    compareDeclaration(context, group, `enum \`${name}\``, enumeration, next);
  }
  for (const name of after.enums.keys()) {
    if (!before.enums.has(name)) {
      record(context, { kind: 'schema', name }, DIRECTION, 'schema-added', `enum \`${name}\` added`);
    }
  }
  const highest = context.changes.reduce(
    (/** @type {import('./rules.mjs').ChangeClass | undefined} */ top, change) =>
      top ? maxClass(top, change.class) : change.class,
    undefined,
  );
  return { changes: context.changes, renames: context.renames, highest };
}

/**
 * @param {DiffContext} context @param {import('./changes.mjs').Group} group
 * @param {DescMessage} message @param {DescMessage} next
 * @param {(desc: { typeName: string }) => string} oldName @param {(desc: { typeName: string }) => string} newName
 */
function compareFields(context, group, message, next, oldName, newName) {
  const newByJson = new Map(next.fields.map((field) => [field.jsonName, field]));
  const oldByJson = new Map(message.fields.map((field) => [field.jsonName, field]));
  for (const field of message.fields) {
    const now = newByJson.get(field.jsonName);
    if (!now) {
      const renamed = next.fields.find(
        (candidate) =>
          candidate.number === field.number &&
          !oldByJson.has(candidate.jsonName) &&
          typeOf(candidate, newName) === typeOf(field, oldName),
      );
      if (renamed) {
        record(
          context,
          group,
          DIRECTION,
          'field-renamed',
          `field \`${field.jsonName}\` renamed to \`${renamed.jsonName}\` (same number and type): packages that ` +
            'spell the old name are now refused',
        );
      } else {
        record(context, group, DIRECTION, 'field-removed', `field \`${field.jsonName}\`: removed`);
      }
      continue;
    }
    const [was, is] = [typeOf(field, oldName), typeOf(now, newName)];
    if (was !== is) {
      record(
        context,
        group,
        DIRECTION,
        'type-changed',
        `field \`${field.jsonName}\`: type changed from \`${was}\` to \`${is}\``,
      );
    }
    if (!field.deprecated && now.deprecated) {
      record(context, group, DIRECTION, 'field-deprecated', `field \`${field.jsonName}\`: deprecated`);
    }
    if (field.deprecated && !now.deprecated) {
      record(
        context,
        group,
        DIRECTION,
        'field-undeprecated',
        `field \`${field.jsonName}\`: no longer deprecated`,
      );
    }
    if (commentText(getComments(field)) !== commentText(getComments(now))) {
      record(context, group, DIRECTION, 'text-changed', `field \`${field.jsonName}\`: description changed`);
    }
  }
  for (const field of next.fields) {
    const isRename = context.changes.some(
      (change) =>
        change.group.name === group.name && change.message.includes(`renamed to \`${field.jsonName}\``),
    );
    if (!oldByJson.has(field.jsonName) && !isRename) {
      record(
        context,
        group,
        DIRECTION,
        'optional-field-added',
        `field \`${field.jsonName}\`: added (optional)`,
      );
    }
  }
}

/**
 * @param {DiffContext} context @param {import('./changes.mjs').Group} group @param {string} label
 * @param {DescMessage | DescEnum} before @param {DescMessage | DescEnum} after
 */
function compareDeclaration(context, group, label, before, after) {
  if (!before.deprecated && after.deprecated)
    record(context, group, DIRECTION, 'field-deprecated', `${label}: deprecated`);
  if (commentText(getComments(before)) !== commentText(getComments(after))) {
    record(context, group, DIRECTION, 'text-changed', `${label}: description changed`);
  }
}
