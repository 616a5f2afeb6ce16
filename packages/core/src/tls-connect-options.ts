import type { PemInput, TlsOptions } from './tls.js';

// Shared by the Node (undici) and Bun connection modules: both take Node's `tls.connect` option names.

function pemText(value: PemInput): string {
  return typeof value === 'string' ? value : new TextDecoder().decode(value);
}

/** `tls` as Node's `tls.connect` options. */
export function connectOptions(tls: TlsOptions | undefined) {
  if (!tls) return {};
  const ca =
    tls.ca === undefined
      ? undefined
      : Array.isArray(tls.ca)
        ? tls.ca.map(pemText)
        : [pemText(tls.ca as PemInput)];
  return {
    ...(ca ? { ca } : {}),
    ...(tls.cert !== undefined ? { cert: pemText(tls.cert) } : {}),
    ...(tls.key !== undefined ? { key: pemText(tls.key) } : {}),
    ...(tls.serverName !== undefined ? { servername: tls.serverName } : {}),
    rejectUnauthorized: tls.insecureSkipVerify !== true,
  };
}
