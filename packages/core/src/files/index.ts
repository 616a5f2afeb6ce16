/**
 * `@ml-platform/core/files` (Node only): the one way this project reads a file
 * that a setting names (a CA bundle, a client key, a token or session file).
 * Only a regular file of at most 1 MiB is read; anything else is a coded
 * `ConfigError` naming the file and the field, never a hang or a crash.
 *
 * @module @ml-platform/core/files
 */
export { NamedFileError, NamedFileErrorCode, type NamedFileErrorCodeValue } from './errors.js';
export { MAX_NAMED_FILE_BYTES, type NamedFileOptions } from './named-file-options.js';
export { readNamedFile, readNamedFileSync, readNamedTextFile } from './read-named-file.js';
