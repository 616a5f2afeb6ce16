// The shape of one classified change, and the context every comparer shares.
import { classify } from './rules.mjs';

/**
 * @typedef {import('./rules.mjs').ChangeClass} ChangeClass
 * @typedef {import('./rules.mjs').Direction} Direction
 * @typedef {{ kind: 'operation' | 'schema' | 'component' | 'document', name: string, detail?: string }} Group
 *   what the change is reported under: `GET /path` (detail: operationId), a schema name, ...
 * @typedef {{ class: ChangeClass, rule: string, group: Group, message: string }} Change
 * @typedef {{ oldDoc: any, newDoc: any, renames: Map<string, string>, changes: Change[] }} DiffContext
 */

/**
 * @param {DiffContext} context @param {Group} group @param {Direction} direction
 * @param {string} rule a key of RULES @param {string} message
 * @param {ChangeClass} [cls] only for rules whose class is derived from other changes
 */
export function record(context, group, direction, rule, message, cls) {
  context.changes.push({ class: cls ?? classify(rule, direction), rule, group, message });
}
