import { invalidOption } from './validate/invalid-option.js';

export type { FetchFunction } from './fetch-function.js';

/**
 * PEM text, or its bytes (a Node `Buffer` is a `Uint8Array`, so
 * `readFileSync(path)` works as it is). Typed without Node globals so the
 * declarations type-check in browser and edge projects.
 */
export type PemInput = string | Uint8Array;

/**
 * TLS settings of a client: CAs to trust, a client certificate for mutual TLS, or verification
 * explicitly turned off.
 */
export interface TlsOptions {
  /** PEM bundle(s) of the CA(s) to trust, e.g. the in-cluster `ca.crt`. Replaces the default roots. */
  ca?: PemInput | readonly PemInput[] | undefined;
  /** PEM client certificate (chain) for mutual TLS, e.g. a kubeconfig's `client-certificate-data`. Needs `key`. */
  cert?: PemInput | undefined;
  /** PEM private key of `cert` (unencrypted), e.g. a kubeconfig's `client-key-data`. Needs `cert`. */
  key?: PemInput | undefined;
  /**
   * Turns certificate verification off (the Python SDKs' `skip_tls_verify`).
   * Only for development clusters with self-signed certificates: anyone on the
   * path can then read the credentials this client sends.
   */
  insecureSkipVerify?: boolean | undefined;
  /**
   * The name to send as SNI and to verify the server's certificate against,
   * instead of the URL's host (a kubeconfig's `tls-server-name`): for a server
   * reached by an address its certificate does not name, e.g. an IP or a tunnel.
   */
  serverName?: string | undefined;
}

const TLS_KEYS = new Set(['ca', 'cert', 'key', 'insecureSkipVerify', 'serverName']);

/** A DNS name as SNI carries it: letters, digits, '-', '.'; no IP address (SNI has none), no port. */
const SERVER_NAME =
  /^(?=.{1,253}$)(?!\d+(?:\.\d+){3}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

function isPemInput(value: unknown): value is PemInput {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** Looks for a PEM header without decoding a possibly large or secret value into a message. */
function hasPemBlock(value: PemInput, label: RegExp): boolean {
  const text = typeof value === 'string' ? value : new TextDecoder().decode(value);
  return new RegExp(`-----BEGIN ${label.source}-----`).test(text);
}

function checkPem(name: string, value: unknown, label: RegExp, what: string): void {
  if (!isPemInput(value)) {
    throw invalidOption(
      `tls.${name} must be PEM text or its bytes (string or Uint8Array), got ${typeof value}. ` +
        `Read the file first, e.g. readFileSync(path, 'utf8').`,
    );
  }
  if (!hasPemBlock(value, label)) {
    // The value itself is never quoted: it may be a private key.
    throw invalidOption(
      `tls.${name} is not PEM: expected a "-----BEGIN ${what}-----" block. ` +
        `Pass the file's contents (not its path); base64 from a kubeconfig's *-data field must be decoded first.`,
    );
  }
}

/**
 * Checks `tls` when a client or plugin is created, so a typo or a path given
 * where the PEM belongs fails at once, with the option's name and never its value.
 */
export function checkTlsOptions(tls: unknown): TlsOptions | undefined {
  if (tls === undefined) return undefined;
  if (tls === null || typeof tls !== 'object' || Array.isArray(tls)) {
    throw invalidOption(
      `tls must be an object such as { ca, cert, key, insecureSkipVerify }, got ${typeof tls}.`,
    );
  }
  const options = tls as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!TLS_KEYS.has(key)) {
      throw invalidOption(`tls.${key} is not a TLS option; expected one of ${[...TLS_KEYS].join(', ')}.`);
    }
  }
  if (options.insecureSkipVerify !== undefined && typeof options.insecureSkipVerify !== 'boolean') {
    throw invalidOption(
      `tls.insecureSkipVerify must be true or false, got ${typeof options.insecureSkipVerify}. Leave it out to verify certificates.`,
    );
  }
  if (options.serverName !== undefined) {
    if (typeof options.serverName !== 'string' || !SERVER_NAME.test(options.serverName)) {
      throw invalidOption(
        `tls.serverName must be a DNS name the server's certificate names, e.g. 'kubernetes.default.svc', got ${
          typeof options.serverName === 'string' ? `'${options.serverName}'` : typeof options.serverName
        }. TLS sends no IP address as a server name.`,
      );
    }
  }
  if (options.ca !== undefined) {
    const bundles = Array.isArray(options.ca) ? options.ca : [options.ca];
    for (const bundle of bundles) checkPem('ca', bundle, /CERTIFICATE/, 'CERTIFICATE');
  }
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw invalidOption(
      `tls.cert and tls.key go together for mutual TLS: ${options.cert === undefined ? 'tls.key' : 'tls.cert'} was given without the other.`,
    );
  }
  if (options.cert !== undefined) checkPem('cert', options.cert, /CERTIFICATE/, 'CERTIFICATE');
  if (options.key !== undefined) checkPem('key', options.key, /(?:[A-Z]+ )?PRIVATE KEY/, 'PRIVATE KEY');
  return options as TlsOptions;
}
