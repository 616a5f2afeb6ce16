import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  /** PEM of a throwaway CA, as a cluster's `ca.crt` would be. */
  ca: string;
  /** PEM key and certificate for 127.0.0.1 and localhost, signed by `ca`. */
  key: string;
  cert: string;
  /** Client certificates signed by `ca`, by common name, for mutual TLS (only those asked for). */
  clients: Record<string, { cert: string; key: string }>;
}

/** A client certificate to issue: Kubernetes reads the user from the CN and the groups from each O. */
export interface TestClientCertificate {
  commonName: string;
  organizations?: readonly string[];
}

/**
 * Makes a CA and a server certificate for 127.0.0.1/localhost with the openssl
 * CLI (Node cannot issue X.509 certificates itself), for real TLS in tests,
 * and client certificates signed by the same CA for each of `clients`.
 */
export function createTestCertificates(
  options: { clients?: readonly TestClientCertificate[] } = {},
): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'ml-platform-tls-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=ml-platform test CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
    );
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'san.ext',
      '-out',
      'server.crt',
    );
    const clients: TestCertificates['clients'] = {};
    for (const [index, client] of (options.clients ?? []).entries()) {
      const subject = [
        ...(client.organizations ?? []).map((o) => `/O=${o}`),
        `/CN=${client.commonName}`,
      ].join('');
      writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
      openssl(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        subject,
        '-keyout',
        `client-${index}.key`,
        '-out',
        `client-${index}.csr`,
      );
      openssl(
        'x509',
        '-req',
        '-in',
        `client-${index}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '2',
        '-extfile',
        'client.ext',
        '-out',
        `client-${index}.crt`,
      );
      clients[client.commonName] = {
        cert: readFileSync(join(dir, `client-${index}.crt`), 'utf8'),
        key: readFileSync(join(dir, `client-${index}.key`), 'utf8'),
      };
    }
    return {
      ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
      key: readFileSync(join(dir, 'server.key'), 'utf8'),
      cert: readFileSync(join(dir, 'server.crt'), 'utf8'),
      clients,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
