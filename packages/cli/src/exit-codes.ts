/**
 * What `mlp` exits with, so scripts and CI steps can tell outcomes apart.
 * Documented in the README; tests assert each one on a spawned process.
 */
export const ExitCode = {
  ok: 0,
  /** Anything not covered below (a bug, an unexpected failure). */
  unexpected: 1,
  /** Bad usage: an unknown command or option, a missing or malformed argument or setting. */
  usage: 2,
  /** The watched run ended FAILED. */
  runFailed: 3,
  /** The watched run ended CANCELED (or SKIPPED). */
  runCanceled: 4,
  /** `--timeout` passed before the run finished (the run continues). */
  timeout: 5,
  /** The API answered with an error or could not be reached. */
  apiError: 6,
  /** Credentials could not be obtained or were refused. */
  authError: 7,
  /** Ctrl-C stopped the watch (the run continues unless `--terminate-on-interrupt`). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
