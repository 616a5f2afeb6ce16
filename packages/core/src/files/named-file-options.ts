/** 1 MiB: more than any certificate bundle, key, token or session file this project reads. */
export const MAX_NAMED_FILE_BYTES = 1024 * 1024;

/** Says which setting named a file, so an error can point the user at it. */
export interface NamedFileOptions {
  /** What named the file, as the user wrote it: `certificate-authority`, `tokenFile`, `KF_PIPELINES_SA_TOKEN_PATH`. */
  field: string;
  /** Where that was written, shown in messages when given: `kubeconfig /home/u/.kube/config, user "dev"`. */
  source?: string;
  /** The most bytes the file may hold. Default {@link MAX_NAMED_FILE_BYTES}. */
  maxBytes?: number;
  /** Stops the read between chunks; the rejection is the signal's reason. */
  signal?: AbortSignal;
}

/** The limit to apply, refusing a limit that is not a whole number of bytes (a caller's bug, not a user's). */
export function maxBytesOf(options: NamedFileOptions): number {
  const maxBytes = options.maxBytes ?? MAX_NAMED_FILE_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a whole number of bytes, got ${String(options.maxBytes)}`);
  }
  return maxBytes;
}
