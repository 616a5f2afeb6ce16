import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface LocalKubeconfig {
  /** The kubeconfig file (mode 0600): what `KUBECONFIG` should point at. */
  readonly path: string;
  remove(): void;
}

/**
 * Writes a kubeconfig for the test bed's API server the way kind and kubeadm
 * do: the cluster CA and the admin's client certificate and key embedded as
 * `*-data`, one context, set as `current-context`. It holds a private key:
 * only the current user can read it.
 */
export function writeLocalKubeconfig(options: {
  server: string;
  ca: string;
  clientCert: string;
  clientKey: string;
}): LocalKubeconfig {
  const dir = mkdtempSync(join(tmpdir(), 'ml-platform-kubeconfig-'));
  const path = join(dir, 'config');
  const base64 = (pem: string) => Buffer.from(pem).toString('base64');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'testbed',
    clusters: [
      {
        name: 'testbed',
        cluster: { server: options.server, 'certificate-authority-data': base64(options.ca) },
      },
    ],
    users: [
      {
        name: 'testbed-admin',
        user: {
          'client-certificate-data': base64(options.clientCert),
          'client-key-data': base64(options.clientKey),
        },
      },
    ],
    contexts: [
      { name: 'testbed', context: { cluster: 'testbed', user: 'testbed-admin', namespace: 'kubeflow' } },
    ],
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
