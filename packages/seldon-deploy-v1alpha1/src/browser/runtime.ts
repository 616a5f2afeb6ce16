/** `#runtime` in a browser: no file system, so a manifest is given as an object or `{ text }`. */
import type * as NodeRuntime from '../node/runtime.js';

export const readManifestText: typeof NodeRuntime.readManifestText = async () => {
  throw Object.assign(
    new Error(
      'Reading a manifest file needs a file system (Node.js, Bun or Deno); in a browser pass { text } or the object.',
    ),
    { code: 'ENOENT' },
  );
};
