/**
 * `@ml-platform/core/private-file` (Node only): the one way this project keeps
 * credentials on disk. Token caches, session files and CLI profiles all go
 * through it, so they share one policy:
 * - writes are atomic (temporary file, flushed, renamed), the file is 0600 and
 *   directories it creates are 0700;
 * - a file others can read or write is refused (`PRIVATE_FILE_EXPOSED`,
 *   naming its mode), never read and never silently repaired;
 * - `withFileLock` serializes read-modify-write cycles across processes and
 *   takes over a lock left by a dead holder (or by an earlier process with
 *   this process's pid) within a second.
 *
 * @module @ml-platform/core/private-file
 */
export { PrivateFileError, PrivateFileErrorCode, type PrivateFileErrorCodeValue } from './errors.js';
export { type FileLockOptions, withFileLock } from './file-lock.js';
export {
  type PrivateFileOptions,
  readPrivateFile,
  removePrivateFile,
  writePrivateFile,
} from './private-file.js';
