/**
 * Largest package accepted, before and after decompression: the KFP API server's own cap on an
 * uploaded pipeline file (`MaxFileLength = 32 << 20` in backend/src/apiserver/server/util.go). The
 * decompressed limit also stops a small archive from expanding without bound.
 */
export const MAX_PIPELINE_PACKAGE_BYTES = 32 * 1024 * 1024;
