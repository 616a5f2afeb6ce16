/**
 * The file reading `readSeldonManifest({ path })` needs, for Node.js, Bun and
 * Deno. Imported as `#runtime`: package.json maps it here under the `node`
 * condition and to `../browser/runtime.js` elsewhere, so a browser bundle holds
 * no `node:` module.
 */
import { fileURLToPath } from 'node:url';
import { readNamedTextFile } from '@ml-platform/core/files';

/**
 * 2 MiB: more than any object the Kubernetes API stores (etcd refuses a
 * request over 1.5 MiB), so a larger file cannot be a manifest it would take.
 */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

/**
 * The text of a manifest file: a regular file of at most
 * {@link MAX_MANIFEST_BYTES}, read through core's bounded reader, so a FIFO,
 * a device or a huge file is refused with a coded error before it is read.
 */
export function readManifestText(path: string | URL): Promise<string> {
  return readNamedTextFile(path instanceof URL ? fileURLToPath(path) : path, {
    field: 'manifest.path',
    maxBytes: MAX_MANIFEST_BYTES,
  });
}
