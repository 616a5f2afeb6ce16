import { MlPlatformError } from '@ml-platform/core';
import type { ExitCodeValue } from './exit-codes.js';

/** Stable codes of the errors the CLI itself raises (the libraries' codes pass through unchanged). */
export const CliErrorCode = {
  usage: 'CLI_USAGE',
  profileNotFound: 'CLI_PROFILE_NOT_FOUND',
  configFileInvalid: 'CLI_CONFIG_FILE_INVALID',
  noPassword: 'CLI_NO_PASSWORD',
  /** A saved login is missing or expired and no password can be read without a terminal. */
  loginRequired: 'CLI_LOGIN_REQUIRED',
  /** A secret the chosen auth needs is in neither its file nor its environment variable. */
  noSecret: 'CLI_NO_SECRET',
  /** A file a flag or the profile names cannot be read or is not what it should be. */
  fileUnreadable: 'CLI_FILE_UNREADABLE',
  runFailed: 'CLI_RUN_FAILED',
  runCanceled: 'CLI_RUN_CANCELED',
} as const;

/** An error of the command line's own, with the exit code it ends the process with. */
export class CliError extends MlPlatformError {
  readonly exitCode: ExitCodeValue;

  constructor(code: string, message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(code, message, options);
    this.exitCode = exitCode;
  }
}
