import { ConfigError } from '../errors.js';

/** Stable codes of {@link NamedFileError}; match on these, never on messages. */
export const NamedFileErrorCode = {
  /** Nothing is at the path (or a part of it is not a directory, or a symlink points nowhere). */
  notFound: 'FILE_NOT_FOUND',
  /** The path is a directory, FIFO, socket or device: never read, since it could block or never end. */
  notRegular: 'FILE_NOT_REGULAR',
  /** The file holds more than the bytes allowed (1 MiB unless the caller says otherwise). */
  tooLarge: 'FILE_TOO_LARGE',
  /** The file is there but cannot be read (permissions, a symlink loop, an I/O error); `cause` has the system error. */
  unreadable: 'FILE_UNREADABLE',
} as const;

/** One of the {@link NamedFileErrorCode} values. */
export type NamedFileErrorCodeValue = (typeof NamedFileErrorCode)[keyof typeof NamedFileErrorCode];

/**
 * A file that an option, a kubeconfig or a profile names could not be used.
 * Names the file, the field that named it and where that field was written;
 * never the file's content.
 */
export class NamedFileError extends ConfigError {
  /** The path as it was given. */
  readonly path: string;
  /** What named the file, as the user wrote it (`certificate-authority`, `tokenFile`). */
  readonly field: string;
  /** Where the field was written (`kubeconfig ~/.kube/config, user "dev"`), when the caller said. */
  readonly source: string | undefined;

  constructor(
    code: NamedFileErrorCodeValue,
    message: string,
    details: { path: string; field: string; source?: string | undefined; cause?: unknown },
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.path = details.path;
    this.field = details.field;
    this.source = details.source;
  }
}
