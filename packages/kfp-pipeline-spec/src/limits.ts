import { InvalidPipelinePackageError } from './errors.js';

/**
 * Largest package accepted, before and after decompression: the KFP API server's own cap on an
 * uploaded pipeline file (`MaxFileLength = 32 << 20` in backend/src/apiserver/server/util.go). The
 * decompressed limit also stops a small archive from expanding without bound.
 */
export const MAX_PIPELINE_PACKAGE_BYTES = 32 * 1024 * 1024;

/** The error for a source over the limit. */
export const tooLarge = (sourceName: string, size: number) =>
  new InvalidPipelinePackageError(
    sourceName,
    `it is ${size} bytes; the limit is ${MAX_PIPELINE_PACKAGE_BYTES} bytes (32 MiB, the KFP API server's own limit).`,
  );
