// Reads and writes the per-API pins in specs/<api>/pin.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { specsDir } from './paths.mjs';

/**
 * @typedef {{ repo: string, tag: string, commit: string, path: string, license: string }} Upstream
 * @typedef {{ api: string, package: string, format?: 'swagger' | 'protobuf', upstream: Upstream, sha256: string }} Pin
 *   format: what the upstream file is; absent means a Swagger 2.0 document
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
