// Reads and writes the per-API pins in specs/<api>/pin.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { specsDir } from './paths.mjs';

/**
 * @typedef {{ repo: string, tag: string, commit: string, path: string, license: string }} Upstream
 * @typedef {{ path: string, sha256: string }} PinnedImport
 * @typedef {{ api: string, package: string, format?: 'swagger' | 'protobuf', upstream: Upstream, sha256: string,
 *   protoRoot?: string, imports?: PinnedImport[] }} Pin
 *   format: what the upstream file is; absent means a Swagger 2.0 document
 *   protoRoot: (protobuf) the upstream folder the protos' `import` lines are relative to; absent: the file's own folder
 *   imports: (protobuf) further upstream files the main one imports, same repo and commit, each pinned by its sha256
 */

/** @returns {string[]} every API that has a pin */
export function listApis() {
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'pin.json')))
    .map((entry) => entry.name)
    .sort();
}

/** @param {string} api @returns {Pin} */
export function readPin(api) {
  const file = join(specsDir, api, 'pin.json');
  if (!existsSync(file)) {
    throw new Error(`Unknown API "${api}": no ${file}. Known APIs: ${listApis().join(', ')}.`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** @param {Pin} pin */
export function writePin(pin) {
  writeFileSync(join(specsDir, pin.api, 'pin.json'), `${JSON.stringify(pin, null, 2)}\n`);
}

/** @param {Pin} pin the upstream file's name, which is also its name in the mirror */
export function specFileName(pin) {
  return basename(pin.upstream.path);
}

/** @param {Pin} pin whether the upstream file is a .proto (generated with buf, compared by descriptors) */
export function isProtobufPin(pin) {
  return pin.format === 'protobuf';
}

/**
 * Every upstream file of a pin as a one-file pin of its own (the main file first, then its pinned
 * imports): each syncs, caches, downloads and verifies exactly as a single-file pin does.
 * @param {Pin} pin @returns {Pin[]}
 */
export function pinnedFiles(pin) {
  const { imports, ...main } = pin;
  return [
    main,
    ...(imports ?? []).map(({ path, sha256 }) => ({ ...main, upstream: { ...main.upstream, path }, sha256 })),
  ];
}

/**
 * Where a pinned .proto sits in the generator's module, so the other files' `import` lines find it:
 * its path below `protoRoot`, or its bare name when the pin has none.
 * @param {Pin} pin @param {Pin} file one of pinnedFiles(pin)
 */
export function protoModulePath(pin, file) {
  const root = pin.protoRoot?.replace(/\/+$/, '');
  const path = file.upstream.path;
  return root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : specFileName(file);
}
