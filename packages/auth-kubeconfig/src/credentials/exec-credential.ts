import { KubeconfigAuthError, KubeconfigAuthErrorCode } from '../errors.js';
import type { ExecConfig } from '../load/resolved-kubeconfig.js';

export interface ExecCredentialResult {
  readonly token: string;
  /** `status.expirationTimestamp` in epoch ms; undefined: valid until the server refuses it. */
  readonly expiresAt: number | undefined;
}

/**
 * Checks what an exec plugin printed, as client-go's exec authenticator does
 * (plugin/pkg/client/auth/exec): an `ExecCredential` of the configured
 * `apiVersion`, a `status` with a `token` (or a client certificate and key,
 * both or neither), and an RFC 3339 `expirationTimestamp` when one is given.
 * Never quotes the output: it holds the credential.
 */
export function parseExecCredential(stdout: string, exec: ExecConfig, user: string): ExecCredentialResult {
  const invalid = (why: string) =>
    new KubeconfigAuthError(
      KubeconfigAuthErrorCode.execInvalidOutput,
      user,
      `The exec plugin ${exec.command} of kubeconfig user "${user}" ${why}. ` +
        `It must print one ExecCredential (apiVersion ${exec.apiVersion}) as JSON on stdout; its output is not shown because it may hold a credential.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw invalid(stdout.trim() === '' ? 'printed nothing' : 'printed something that is not JSON');
  }
  if (!isObject(parsed) || parsed.kind !== 'ExecCredential') {
    throw invalid('printed JSON that is not an ExecCredential (kind must be ExecCredential)');
  }
  if (parsed.apiVersion !== exec.apiVersion) {
    throw invalid(
      `returned apiVersion ${typeof parsed.apiVersion === 'string' ? parsed.apiVersion : 'none'}, but the kubeconfig asks for ${exec.apiVersion}`,
    );
  }
  const status = parsed.status;
  if (!isObject(status)) throw invalid('returned no status field');
  const token = typeof status.token === 'string' ? status.token : '';
  const hasCert = typeof status.clientCertificateData === 'string' && status.clientCertificateData !== '';
  const hasKey = typeof status.clientKeyData === 'string' && status.clientKeyData !== '';
  if (hasCert !== hasKey) throw invalid('returned only a client certificate or only a key, not both');
  if (token === '') {
    throw hasCert
      ? invalid(
          'returned a client certificate instead of a token; client certificates from exec plugins are not supported yet ' +
            '(put client-certificate-data and client-key-data in the kubeconfig, or use a plugin mode that prints a token)',
        )
      : invalid('returned neither a token nor a client certificate and key');
  }
  if (/[\r\n]/.test(token)) throw invalid('returned a token with a line break');
  return { token, expiresAt: expirationOf(status.expirationTimestamp, invalid) };
}

function expirationOf(value: unknown, invalid: (why: string) => Error): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // RFC 3339 as metav1.Time marshals it: a date, a time and a zone.
  const at =
    typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value)
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(at)) {
    throw invalid(
      'returned a status.expirationTimestamp that is not an RFC 3339 time such as 2030-01-01T00:00:00Z',
    );
  }
  return at;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
