import type { TlsOptions } from '@ml-platform/core';
import { CliError, CliErrorCode } from '../cli-error.js';
import type { Profile } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';
import { readSettingFile } from './read-setting-file.js';

/** A PEM file is a few kB; a bundle of every public CA about 250 kB. Anything far larger is not one. */
const LARGEST_PEM_FILE = 4 * 1024 * 1024;

/**
 * The TLS settings of `--ca-file`, `--client-certificate`, `--client-key` and
 * `--insecure-skip-tls-verify` (flags or profile), as kubectl takes them,
 * for the client and the auth plugin's own calls alike. Undefined when none
 * is set: the system's roots apply. Skipping verification prints a warning
 * on every use, so it is never forgotten in a profile.
 */
export async function tlsOf(
  profile: Profile,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<TlsOptions | undefined> {
  const { caFile, clientCertificate, clientKey, insecureSkipTlsVerify } = profile;
  if (!caFile && !clientCertificate && !clientKey && !insecureSkipTlsVerify) return undefined;
  if (Boolean(clientCertificate) !== Boolean(clientKey)) {
    throw new CliError(
      CliErrorCode.usage,
      `--client-certificate and --client-key go together; only ${clientCertificate ? '--client-certificate' : '--client-key'} is set.`,
      ExitCode.usage,
    );
  }
  const tls: TlsOptions = {};
  if (caFile) tls.ca = await readPem('--ca-file', caFile);
  if (clientCertificate && clientKey) {
    tls.cert = await readPem('--client-certificate', clientCertificate);
    tls.key = await readPem('--client-key', clientKey);
  }
  if (insecureSkipTlsVerify) {
    warn(
      "mlp: warning: --insecure-skip-tls-verify: the server's certificate is not checked; anyone on the path can read what mlp sends.",
    );
    tls.insecureSkipVerify = true;
  }
  return tls;
}

async function readPem(flag: string, path: string): Promise<string> {
  const text = await readSettingFile(flag, path, LARGEST_PEM_FILE);
  if (!text.includes('-----BEGIN ')) {
    // The content is never quoted: a key file holds a secret.
    throw new CliError(
      CliErrorCode.fileUnreadable,
      `${flag} ${path} is not a PEM file (no "-----BEGIN" line).`,
      ExitCode.usage,
    );
  }
  return text;
}
