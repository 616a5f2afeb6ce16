import type { Stats } from 'node:fs';
import { NamedFileError, NamedFileErrorCode, type NamedFileErrorCodeValue } from './errors.js';
import type { NamedFileOptions } from './named-file-options.js';

/** `certificate-authority (kubeconfig ~/.kube/config, user "dev")`: the field, and where it was written. */
function namedBy(options: NamedFileOptions): string {
  return options.source === undefined ? options.field : `${options.field} (${options.source})`;
}

function failure(
  code: NamedFileErrorCodeValue,
  path: string,
  options: NamedFileOptions,
  reason: string,
  advice: string,
  cause?: unknown,
): NamedFileError {
  return new NamedFileError(code, `Cannot read ${path}, named by ${namedBy(options)}: ${reason}. ${advice}`, {
    path,
    field: options.field,
    source: options.source,
    cause,
  });
}

/** What kind of thing sits at the path, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function notRegular(path: string, options: NamedFileOptions, stats: Stats): NamedFileError {
  return failure(
    NamedFileErrorCode.notRegular,
    path,
    options,
    `it is ${kindOf(stats)}, and ${options.field} must name a regular file`,
    `Point ${options.field} at the file itself.`,
  );
}

export function tooLarge(path: string, options: NamedFileOptions, maxBytes: number): NamedFileError {
  return failure(
    NamedFileErrorCode.tooLarge,
    path,
    options,
    `it holds more than ${maxBytes} bytes, the most ${options.field} may name`,
    `Is ${options.field} pointing at the right file?`,
  );
}

/** Turns a system error from open/fstat/read into a coded error naming the file and the field. */
export function fromSystemError(path: string, options: NamedFileOptions, error: unknown): NamedFileError {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return failure(
        NamedFileErrorCode.notFound,
        path,
        options,
        'no file is there, or it is a symlink to nothing (ENOENT)',
        `Check the path ${options.field} names.`,
        error,
      );
    case 'ENOTDIR':
      return failure(
        NamedFileErrorCode.notFound,
        path,
        options,
        'a part of the path is a file, not a directory (ENOTDIR)',
        `Check the path ${options.field} names.`,
        error,
      );
    case 'EISDIR':
      return failure(
        NamedFileErrorCode.notRegular,
        path,
        options,
        `it is a directory, and ${options.field} must name a regular file`,
        `Point ${options.field} at the file itself.`,
        error,
      );
    case 'ENXIO':
      // Opening a Unix socket, or a device with no driver behind it.
      return failure(
        NamedFileErrorCode.notRegular,
        path,
        options,
        `it is a socket or a device (ENXIO), and ${options.field} must name a regular file`,
        `Point ${options.field} at the file itself.`,
        error,
      );
    case 'EACCES':
    case 'EPERM':
      return failure(
        NamedFileErrorCode.unreadable,
        path,
        options,
        `permission denied (${code})`,
        'Make it readable by this user, or name a copy that is.',
        error,
      );
    case 'ELOOP':
      return failure(
        NamedFileErrorCode.unreadable,
        path,
        options,
        'its symlinks form a loop (ELOOP)',
        `Check the path ${options.field} names.`,
        error,
      );
    default:
      return failure(
        NamedFileErrorCode.unreadable,
        path,
        options,
        `the read failed (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)})`,
        'Check the file, then try again.',
        error,
      );
  }
}
