import { ApiError, MlPlatformError } from '@ml-platform/core';
import { CliError } from './cli-error.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/** Library codes that mean the user's input was wrong, not the server. */
const USAGE_CODES = new Set([
  'KFP_INVALID_PARAMETERS',
  'KFP_INVALID_PIPELINE_PACKAGE',
  'KFP_PACKAGE_UNREADABLE',
  'KFP_CONTEXT_INVALID',
  'KFP_AMBIGUOUS_NAME',
  'KFP_EXPERIMENT_CHOICE_CONFLICT',
  'SELDON_MANIFEST_INVALID',
  'SELDON_MANIFEST_UNREADABLE',
]);

/** The exit code an error ends `mlp` with (see exit-codes.ts). */
export function exitCodeOf(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  if (!(error instanceof MlPlatformError)) return ExitCode.unexpected;
  if (error.code === 'KFP_RUN_WAIT_TIMEOUT' || error.code === 'SELDON_WAIT_TIMEOUT') return ExitCode.timeout;
  if (error.code === 'KFP_RUN_WAIT_ABORTED' || error.code === 'SELDON_WAIT_ABORTED')
    return ExitCode.interrupted;
  if (/^SELDON_(DEPLOYMENT|RESOURCE|BATCH_JOB)_FAILED$/.test(error.code)) return ExitCode.runFailed;
  if (error.code.startsWith('CONFIG_') || USAGE_CODES.has(error.code)) return ExitCode.usage;
  if (error.code.startsWith('AUTH_')) return ExitCode.authError;
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return ExitCode.authError;
  return ExitCode.apiError;
}

/**
 * Prints `mlp: <CODE>: <message>` (the library's stable code and its
 * already-redacted message) and returns the exit code. An error without a
 * code is a bug: its message is printed as is, after the caller's redaction.
 */
export function reportError(error: unknown, print: (line: string) => void): ExitCodeValue {
  const exitCode = exitCodeOf(error);
  if (error instanceof MlPlatformError) {
    print(`mlp: ${error.code}: ${error.message}`);
    if (
      error instanceof ApiError &&
      error.upstream?.message &&
      !error.message.includes(error.upstream.message)
    )
      print(`  server said: ${error.upstream.message}`);
  } else {
    print(`mlp: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return exitCode;
}
