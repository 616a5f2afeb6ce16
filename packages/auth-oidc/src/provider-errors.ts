import { inspect } from 'node:util';
import { basicCredentialsOf, MlPlatformError, REDACTED, redactError, redactSecrets } from '@ml-platform/core';
import { AuthorizationResponseError, ResponseBodyError, WWWAuthenticateChallengeError } from 'openid-client';
import { OidcAuthError, OidcAuthErrorCode } from './errors.js';

/** Which call to the provider failed; names the grant in messages. */
export type ProviderStep =
  | 'discovery'
  | 'client_credentials'
  | 'password'
  | 'authorization_code'
  | 'device_code'
  | 'refresh_token';

export interface FailureContext {
  step: ProviderStep;
  issuer: string;
  clientId: string;
  username?: string | undefined;
  /** Values that must not survive into the message or the kept cause (secrets, codes, tokens). */
  secrets: ReadonlyArray<string | undefined>;
}

function containsSecret(value: unknown, secrets: ReadonlyArray<string | undefined>): boolean {
  const text = inspect(value, { depth: 8, breakLength: Number.POSITIVE_INFINITY });
  // Every encoding of every secret (JSON-escaped, percent-, form-encoded, base64), not only the raw bytes.
  return redactSecrets(text, secrets) !== text;
}

/**
 * The openid-client error to keep as `cause`, unless something in it (an
 * authorization response echoed in a state check, say) holds a secret; then a
 * stand-in with the same name, code and redacted message.
 */
export function safeCause(error: unknown, secrets: ReadonlyArray<string | undefined>): unknown {
  if (!containsSecret(error, secrets)) return error;
  const original = error as { name?: unknown; message?: unknown; code?: unknown; error?: unknown };
  const standIn = new Error(redactSecrets(String(original.message ?? 'error'), secrets));
  standIn.name = String(original.name ?? 'Error');
  Object.assign(standIn, { code: original.code, error: original.error, redacted: `details ${REDACTED}` });
  return standIn;
}

/** The innermost message of an error chain (`fetch failed` -> `ECONNREFUSED ...`), for a readable reason. */
function rootReason(error: unknown): string {
  let current: unknown = error;
  let reason = '';
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    reason = (current as { code?: unknown }).code
      ? `${current.message} (${String((current as { code?: unknown }).code)})`
      : current.message;
    current = current.cause;
  }
  return reason || String(error);
}

/**
 * Whether a timeout is anywhere in the chain: openid-client wraps a body read
 * that the deadline cut short in a parse error (OAUTH_PARSE_ERROR), and a
 * deadline before the headers in a ClientError, neither of which is the
 * provider's answer failing validation.
 */
function timedOut(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === 'REQUEST_TIMEOUT' || current.name === 'TimeoutError' || current.name === 'AbortError')
      return true;
    current = current.cause;
  }
  return false;
}

const GRANT_LABEL: Record<ProviderStep, string> = {
  discovery: 'discovery',
  client_credentials: 'client_credentials grant',
  password: 'password grant',
  authorization_code: 'authorization code exchange',
  device_code: 'device authorization',
  refresh_token: 'refresh_token grant',
};

/**
 * The OAuth error the provider answered with: in the JSON body, or (for a 401,
 * e.g. a wrong client secret) in the WWW-Authenticate challenge.
 */
function providerRefusal(
  error: unknown,
): { oauthError: string; description?: string; status: number } | undefined {
  if (error instanceof ResponseBodyError) {
    return { oauthError: error.error, description: error.error_description, status: error.status };
  }
  if (error instanceof WWWAuthenticateChallengeError) {
    const parameters = error.cause.find((challenge) => challenge.parameters.error)?.parameters;
    return {
      oauthError: parameters?.error ?? (error.status === 401 ? 'invalid_client' : 'invalid_request'),
      description: parameters?.error_description,
      status: error.status,
    };
  }
  return undefined;
}

/**
 * Turns an openid-client (or transport) failure into an {@link OidcAuthError}
 * with a stable code and a useful message, with every secret (and the exact
 * bytes the calls carried, in `context.secrets`) redacted from it at every level.
 */
export function toOidcAuthError(error: unknown, context: FailureContext): OidcAuthError {
  // A provider may echo the Basic header openid-client sent: its base64 `id:secret` is redacted too.
  const secrets = [
    ...context.secrets,
    ...context.secrets.flatMap((secret) => (secret ? basicCredentialsOf(context.clientId, secret) : [])),
  ];
  return redactError(describeFailure(error, context, secrets), secrets);
}

function describeFailure(
  error: unknown,
  context: FailureContext,
  secrets: Array<string | undefined>,
): OidcAuthError {
  if (error instanceof OidcAuthError) return error;
  const { step, issuer, clientId } = context;
  const cause = safeCause(error, secrets);
  const clean = (text: string) => redactSecrets(text, secrets);

  if (step === 'discovery') {
    return new OidcAuthError(
      OidcAuthErrorCode.discoveryFailed,
      clean(
        `Could not read the OpenID configuration of issuer ${issuer} (${rootReason(error)}). ` +
          'Expected an OpenID Provider answering at <issuer>/.well-known/openid-configuration with that exact issuer. ' +
          'Check the issuer URL (e.g. https://<host>/dex for deployKF, https://<keycloak>/realms/<realm>) and, ' +
          'for a private CA, pass tls.ca.',
      ),
      { cause },
    );
  }

  const refusal = providerRefusal(error);
  if (refusal) {
    const { oauthError } = refusal;
    const described = `${oauthError}${refusal.description ? `: ${refusal.description}` : ''}`;
    const reason = clean(`${GRANT_LABEL[step]} at ${issuer} answered ${refusal.status} ${described}`);
    if (oauthError === 'invalid_client' || oauthError === 'unauthorized_client') {
      return new OidcAuthError(
        OidcAuthErrorCode.clientRejected,
        `The provider refused client "${clientId}" (${reason}). Check clientId and clientSecret, that the ` +
          'client may use this flow, and clientAuthMethod (client_secret_basic or client_secret_post, as registered).',
        { cause, oauthError },
      );
    }
    if (step === 'password' && oauthError === 'invalid_grant') {
      return new OidcAuthError(
        OidcAuthErrorCode.badCredentials,
        `The provider refused the password of user "${context.username ?? ''}" (${reason}). ` +
          'Check username and password.',
        { cause, oauthError },
      );
    }
    if (step === 'device_code' && (oauthError === 'expired_token' || oauthError === 'access_denied')) {
      const expired = oauthError === 'expired_token';
      return new OidcAuthError(
        expired ? OidcAuthErrorCode.loginTimeout : OidcAuthErrorCode.loginFailed,
        expired
          ? `The device code expired before the login was finished (${reason}). Run again and finish sooner.`
          : `The login was denied on the verification page (${reason}). Run again to retry.`,
        { cause, oauthError },
      );
    }
    if (step === 'authorization_code' && oauthError === 'invalid_grant') {
      return new OidcAuthError(
        OidcAuthErrorCode.loginFailed,
        `The provider refused the authorization code (${reason}). Codes are single-use and short-lived: ` +
          'log in again and paste the new code right away.',
        { cause, oauthError },
      );
    }
    return new OidcAuthError(
      OidcAuthErrorCode.grantRefused,
      `The provider refused the request for client "${clientId}" (${reason}). Check scope, resource and that ` +
        'the client is allowed this grant.',
      { cause, oauthError },
    );
  }

  if (error instanceof AuthorizationResponseError) {
    return new OidcAuthError(
      OidcAuthErrorCode.loginFailed,
      clean(
        `The login at ${issuer} ended with ${error.error}${error.error_description ? `: ${error.error_description}` : ''}. ` +
          'Run again to retry; if it was denied, check that the user may use client ' +
          `"${clientId}".`,
      ),
      { cause, oauthError: error.error },
    );
  }

  if (timedOut(error)) {
    return new OidcAuthError(
      OidcAuthErrorCode.providerUnreachable,
      clean(
        `The ${GRANT_LABEL[step]} at ${issuer} timed out: no complete answer within timeoutMs. ` +
          'Check the network path to the provider, or raise timeoutMs if it is slow.',
      ),
      { cause },
    );
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const transportFailure =
    error instanceof TypeError ||
    (error instanceof MlPlatformError &&
      (code === 'NETWORK_ERROR' || code === 'TLS_ERROR' || code === 'PROXY_ERROR'));
  if (transportFailure) {
    return new OidcAuthError(
      OidcAuthErrorCode.providerUnreachable,
      clean(
        `The ${GRANT_LABEL[step]} could not reach ${issuer} (${rootReason(error)}). ` +
          'Check the network path to the provider and the tls options.',
      ),
      { cause },
    );
  }
  return new OidcAuthError(
    OidcAuthErrorCode.invalidResponse,
    clean(
      `The ${GRANT_LABEL[step]} at ${issuer} returned an answer that failed validation (${rootReason(error)}). ` +
        "Check that the issuer URL is exactly the provider's issuer and that clocks are in sync.",
    ),
    { cause },
  );
}
