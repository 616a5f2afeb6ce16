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
  /** PEM key and certificate of a client (extendedKeyUsage clientAuth), signed by `ca`, for mutual TLS. */
  clientKey: string;
  clientCert: string;
}

export interface TestCertificateOptions {
  /**
   * Subject of the client certificate. Kubernetes reads the user from CN and
   * the groups from O. Default `/CN=ml-platform-test-client/O=ml-platform-testers`.
   */
  clientSubject?: string;
}

/**
 * Makes a CA, a server certificate for 127.0.0.1/localhost and a client
 * certificate with the openssl CLI (Node cannot issue X.509 certificates
 * itself), for real TLS and mutual TLS in tests.
 */
export function createTestCertificates(options: TestCertificateOptions = {}): TestCertificates {
  const clientSubject = options.clientSubject ?? '/CN=ml-platform-test-client/O=ml-platform-testers';
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
    writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      clientSubject,
      '-keyout',
      'client.key',
      '-out',
      'client.csr',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'client.csr',
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
      'client.crt',
    );
    return {
      ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
      key: readFileSync(join(dir, 'server.key'), 'utf8'),
      cert: readFileSync(join(dir, 'server.crt'), 'utf8'),
      clientKey: readFileSync(join(dir, 'client.key'), 'utf8'),
      clientCert: readFileSync(join(dir, 'client.crt'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
