// Applies specs/<api>/overlay.yaml (RFC 6902 patches with `test` guards) to an upstream document.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { specsDir } from './paths.mjs';

export class OverlayError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'OverlayError';
    this.code = 'SPEC_OVERLAY_MISMATCH';
  }
}

/**
 * @typedef {{ op: 'test' | 'add' | 'replace' | 'remove', path: string, value?: unknown }} PatchOperation
 * @typedef {{ id: string, patch: PatchOperation[] }} Fix
 */

/** @param {string} api @returns {Fix[]} */
export function readOverlay(api) {
  const file = join(specsDir, api, 'overlay.yaml');
  if (!existsSync(file)) return [];
  const fixes = parse(readFileSync(file, 'utf8'))?.fixes ?? [];
  if (!Array.isArray(fixes)) throw new OverlayError(`${file}: "fixes" must be a list.`);
  return fixes;
}

/**
 * Applies every fix of `api`'s overlay to `document` in place. A fix whose
 * `test` no longer holds, or whose path no longer exists, is an error naming it:
 * upstream changed under it.
 * @param {string} api @param {any} document
 */
export function applyOverlay(api, document) {
  for (const fix of readOverlay(api)) {
    for (const operation of fix.patch) {
      try {
        applyOperation(document, operation);
      } catch (error) {
        throw new OverlayError(
          `${api}: overlay fix "${fix.id}" no longer matches the upstream document (${operation.op} ${operation.path}: ` +
            `${error instanceof Error ? error.message : String(error)}). Upstream may have fixed the defect: check it and ` +
            `update or remove the fix in specs/${api}/overlay.yaml.`,
        );
      }
    }
  }
  return document;
}

/** @param {string} pointer RFC 6901 */
function tokens(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error('a JSON pointer must start with "/"');
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** @param {any} document @param {PatchOperation} operation */
function applyOperation(document, operation) {
  const path = tokens(operation.path);
  const last = path.pop();
  if (last === undefined) throw new Error('the document root cannot be patched');
  let parent = document;
  for (const token of path) {
    if (parent === null || typeof parent !== 'object' || !(token in parent))
      throw new Error('path not found');
    parent = parent[token];
  }
  if (parent === null || typeof parent !== 'object') throw new Error('parent is not an object or array');
  const exists = last in parent;
  switch (operation.op) {
    case 'test':
      if (!exists || JSON.stringify(parent[last]) !== JSON.stringify(operation.value)) {
        throw new Error(`expected ${JSON.stringify(operation.value)}, found ${JSON.stringify(parent[last])}`);
      }
      return;
    case 'add':
      if (exists && !Array.isArray(parent)) throw new Error('already exists (use replace)');
      parent[last] = structuredClone(operation.value);
      return;
    case 'replace':
      if (!exists) throw new Error('path not found');
      parent[last] = structuredClone(operation.value);
      return;
    case 'remove':
      if (!exists) throw new Error('path not found');
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      return;
    default:
      throw new Error(`unsupported op "${operation.op}"`);
  }
}
