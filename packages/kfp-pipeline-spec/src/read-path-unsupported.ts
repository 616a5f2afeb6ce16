// "#read-path" where there is no node:fs (browsers): a path source cannot be read there.
import { InvalidPipelinePackageError } from './errors.js';
import type { RawPackage } from './source.js';

export async function readPath(path: string, _signal?: AbortSignal): Promise<RawPackage> {
  throw new InvalidPipelinePackageError(
    path,
    'a file path can only be read on Node.js: pass { text, name }, a Blob or File, or a parsed object instead.',
  );
}
