import { AuthError, ConfigError } from '@ml-platform/core';

export const PLUGIN_NAME = '@ml-platform/auth-kubeconfig';

/** Stable codes of {@link KubeconfigError}: the kubeconfig cannot be used as it is. */
export const KubeconfigErrorCode = {
  /** No kubeconfig file exists where one was looked for (the paths tried are in the message). */
  notFound: 'KUBECONFIG_NOT_FOUND',
  /**
   * A kubeconfig file, or a file it names (CA, client certificate, key), exists but cannot be used: not a
   * regular file (a FIFO, a device), larger than allowed, or unreadable. The `cause` is core's `NamedFileError`
   * with its `FILE_*` code.
   */
  unreadable: 'KUBECONFIG_UNREADABLE',
  /** A file is not a kubeconfig: YAML syntax, or a field of the wrong type or missing. */
  invalid: 'KUBECONFIG_INVALID',
  /** No context was named and no file sets `current-context`. */
  noContext: 'KUBECONFIG_NO_CONTEXT',
  /** The context, or the cluster or user it refers to, is in none of the files. */
  notDefined: 'KUBECONFIG_NOT_DEFINED',
  /** The entry uses something this package does not do (auth-provider, basic auth, a socks5 proxy-url). */
  unsupported: 'KUBECONFIG_UNSUPPORTED',
} as const;

export type KubeconfigErrorCode = (typeof KubeconfigErrorCode)[keyof typeof KubeconfigErrorCode];

/** Where in the kubeconfig the problem is. Every part that is known is given. */
export interface KubeconfigLocation {
  /** The kubeconfig file (absolute path). */
  file?: string | undefined;
  /** The context being used. */
  context?: string | undefined;
  /** The field, as kubectl spells it, e.g. `users["alice"].user.exec.apiVersion`. */
  field?: string | undefined;
}

/** The kubeconfig (or a file it names) cannot be used. Never carries a token, key or certificate. */
export class KubeconfigError extends ConfigError {
  readonly file: string | undefined;
  readonly context: string | undefined;
  readonly field: string | undefined;

  constructor(
    code: KubeconfigErrorCode,
    message: string,
    location: KubeconfigLocation = {},
    options?: { cause?: unknown },
  ) {
    super(code, `[${PLUGIN_NAME}] ${message}${describeLocation(location)}`, options);
    this.file = location.file;
    this.context = location.context;
    this.field = location.field;
  }
}

function describeLocation({ file, context, field }: KubeconfigLocation): string {
  const parts = [
    field && `field ${field}`,
    context !== undefined && `context "${context}"`,
    file && `file ${file}`,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Stable codes of {@link KubeconfigAuthError}: a credential could not be obtained when a request needed it. */
export const KubeconfigAuthErrorCode = {
  /** The user's `tokenFile` is missing, unreadable or empty. */
  tokenFile: 'AUTH_KUBECONFIG_TOKEN_FILE',
  /** The exec plugin's command does not exist or cannot be run; the message has its `installHint`. */
  execNotFound: 'AUTH_KUBECONFIG_EXEC_NOT_FOUND',
  /** The exec plugin exited with an error, was killed, or ran past the time limit; stderr (redacted) is in the message. */
  execFailed: 'AUTH_KUBECONFIG_EXEC_FAILED',
  /** The exec plugin printed something that is not a usable ExecCredential. */
  execInvalidOutput: 'AUTH_KUBECONFIG_EXEC_INVALID_OUTPUT',
  /** `interactiveMode: Always` but standard input is not a terminal. */
  execNeedsTerminal: 'AUTH_KUBECONFIG_EXEC_NEEDS_TERMINAL',
} as const;

export type KubeconfigAuthErrorCode = (typeof KubeconfigAuthErrorCode)[keyof typeof KubeconfigAuthErrorCode];

/** A credential named by the kubeconfig could not be obtained. Never carries the credential. */
export class KubeconfigAuthError extends AuthError {
  /** The kubeconfig user whose credential failed. */
  readonly user: string;

  constructor(code: KubeconfigAuthErrorCode, user: string, message: string, options?: { cause?: unknown }) {
    super(PLUGIN_NAME, code, message, options);
    this.user = user;
  }
}
