import { ApiError, ConfigError, MlPlatformError } from '@ml-platform/core';
import { CliError } from './cli-error.js';
import { describedSigningIdentity } from './connection/signing-identity.js';
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
  // checkInferenceRequest: the request file is wrong, found before anything is sent.
  'SELDON_INFERENCE_REQUEST_INVALID',
]);

/** Failures below HTTP: nothing answered, or the TLS handshake or proxy failed. */
const NETWORK_CODES = new Set(['NETWORK_ERROR', 'TLS_ERROR', 'PROXY_ERROR']);

/**
 * Answers that mean the credentials were missing or refused, whatever the
 * status: an HTML page where JSON was expected is the gateway's login page.
 */
const AUTH_CODES = new Set(['API_HTML_RESPONSE']);

/** The error and its causes, outermost first, at most a few deep. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 8; ) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

/** The exit code an error ends `mlp` with (see exit-codes.ts). */
export function exitCodeOf(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  if (!(error instanceof MlPlatformError)) return ExitCode.unexpected;
  if (error.code === 'KFP_RUN_WAIT_TIMEOUT' || error.code === 'SELDON_WAIT_TIMEOUT') return ExitCode.timeout;
  if (error.code === 'KFP_RUN_WAIT_ABORTED' || error.code === 'SELDON_WAIT_ABORTED')
    return ExitCode.interrupted;
  if (/^SELDON_(DEPLOYMENT|RESOURCE|BATCH_JOB)_FAILED$/.test(error.code)) return ExitCode.runFailed;
  if (error instanceof ConfigError || error.code.startsWith('CONFIG_') || USAGE_CODES.has(error.code))
    return ExitCode.usage;
  // A login flow that could not reach its server (a Dex endpoint down) is a network failure, not refused credentials.
  if (causeChain(error).some((link) => link instanceof MlPlatformError && NETWORK_CODES.has(link.code)))
    return ExitCode.apiError;
  if (error.code.startsWith('AUTH_') || AUTH_CODES.has(error.code)) return ExitCode.authError;
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return ExitCode.authError;
  return ExitCode.apiError;
}

/**
 * The libraries speak of their options; a CLI user knows flags. Each pair
 * maps a library phrase to what to do in `mlp`.
 */
const IN_CLI_TERMS: [RegExp, string][] = [
  [/\btls\.cert and tls\.key\b/g, '--client-certificate and --client-key'],
  [/\btls\.ca\b/g, '--ca-file'],
  [/\binsecureSkipVerify\b/g, '--insecure-skip-tls-verify'],
  [/\bthe client's baseUrl\b/g, '--endpoint'],
  [/\bbaseUrl\b/g, '--endpoint'],
  [
    /Log in once interactively \(the token cache keeps the login\) or set interactive: true\./g,
    'Run mlp login first (the token cache keeps the login).',
  ],
  [/\binteractive is false\b/g, 'this command does not log in'],
  [
    /Add an auth plugin as the client's auth option: .*? from @ml-platform\/core\./g,
    'Choose how mlp signs requests: --auth token|oidc|dex|kubeconfig|sa-token (flag or profile), then mlp login if it asks.',
  ],
  [
    /Elsewhere, pass auth: .*? sends requests unsigned on purpose\./g,
    'Elsewhere, choose how mlp signs requests: --auth token|oidc|dex|kubeconfig (flag or profile); --auth none sends them unsigned.',
  ],
];

/** Istio's answer when an AuthorizationPolicy refuses the caller: it names no one, so mlp says who it was. */
function isPolicyDenial(error: MlPlatformError): boolean {
  return error instanceof ApiError && error.status === 403 && /RBAC: access denied/.test(error.message);
}

/** A library message in the CLI's terms (flags and commands instead of option names). */
export function inCliTerms(message: string): string {
  return IN_CLI_TERMS.reduce((text, [phrase, replacement]) => text.replace(phrase, replacement), message);
}

/**
 * Prints `mlp: <CODE>: <message>` (the library's stable code and its
 * already-redacted message) and returns the exit code. An error without a
 * code is a bug: its message is printed as is, after the caller's redaction.
 */
export function reportError(error: unknown, print: (line: string) => void): ExitCodeValue {
  const exitCode = exitCodeOf(error);
  if (error instanceof MlPlatformError) {
    print(`mlp: ${error.code}: ${error instanceof CliError ? error.message : inCliTerms(error.message)}`);
    if (
      error instanceof ApiError &&
      error.upstream?.message &&
      !error.message.includes(error.upstream.message)
    )
      print(`  server said: ${error.upstream.message}`);
    if (isPolicyDenial(error)) {
      print(
        `  The gateway's authorization policy refused the identity mlp signed with: ${describedSigningIdentity() ?? 'none'}. ` +
          'Check that this user or ServiceAccount is allowed on that path and namespace (Istio AuthorizationPolicy; ' +
          "Seldon Deploy wants a token from its own OIDC provider: --auth oidc with Seldon's issuer and client), and mlp whoami.",
      );
    }
  } else {
    print(`mlp: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return exitCode;
}
