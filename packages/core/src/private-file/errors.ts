import { MlPlatformError } from '../errors.js';

/** Stable codes of {@link PrivateFileError}; match on these, never on messages. */
export const PrivateFileErrorCode = {
  /** The file, or the directory it is kept in, can be read or written by others; it is refused, not read (the policy in the README). */
  exposed: 'PRIVATE_FILE_EXPOSED',
  /** The path is not a regular file (a directory, a device, a FIFO). */
  notAFile: 'PRIVATE_FILE_NOT_A_FILE',
  /** The file holds more than 1 MiB: not a file this project wrote; it is not read to the end. */
  tooLarge: 'PRIVATE_FILE_TOO_LARGE',
  /** Reading, writing or removing the file failed; `cause` has the system error. */
  io: 'PRIVATE_FILE_IO',
  /** Another holder kept the lock longer than the wait allowed. */
  lockTimeout: 'PRIVATE_FILE_LOCK_TIMEOUT',
} as const;

/** One of the `PrivateFileErrorCode` strings a `PrivateFileError` carries as `code`. */
export type PrivateFileErrorCodeValue = (typeof PrivateFileErrorCode)[keyof typeof PrivateFileErrorCode];

/** A private file could not be used. Names the path and, when it is the reason, the file's mode; never its content. */
export class PrivateFileError extends MlPlatformError {
  readonly path: string;
  /** The permission bits found (e.g. `0o644`) when the file was refused as exposed. */
  readonly mode: number | undefined;

  constructor(
    code: PrivateFileErrorCodeValue,
    path: string,
    message: string,
    options: { cause?: unknown; mode?: number | undefined } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.path = path;
    this.mode = options.mode;
  }
}
