import { MlPlatformError } from '@ml-platform/core';

/** Stable codes of the errors this package throws. */
export const MetadataErrorCode = {
  /** The store answered a call with a gRPC error (the `grpcCode` says which). */
  rpcFailed: 'METADATA_RPC_FAILED',
  /** ML Metadata holds no `system.PipelineRun` context for the run: not a KFP v2 run, or not started yet. */
  runNotFound: 'METADATA_RUN_NOT_FOUND',
  /** A run holds more executions or artifacts than the caller's bound allows. */
  tooMany: 'METADATA_TOO_MANY',
} as const;

/**
 * An ML Metadata call failed. Transport, auth and HTTP failures keep core's
 * own errors (`NETWORK_ERROR`, `ApiError`, `REQUEST_TIMEOUT`, ...); this is
 * for what the store itself answered.
 */
export class MetadataError extends MlPlatformError {
  /** The gRPC status code name the store answered (e.g. `not_found`), when it answered one. */
  readonly grpcCode?: string;

  constructor(code: string, message: string, options?: { cause?: unknown; grpcCode?: string }) {
    super(code, message, options);
    if (options?.grpcCode) this.grpcCode = options.grpcCode;
  }
}
