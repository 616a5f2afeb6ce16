/**
 * The file reading `readSeldonManifest({ path })` needs, for Node.js, Bun and
 * Deno. Imported as `#runtime`: package.json maps it here under the `node`
 * condition and to `../browser/runtime.js` elsewhere, so a browser bundle holds
 * no `node:` module.
 */
export { readFile } from 'node:fs/promises';
