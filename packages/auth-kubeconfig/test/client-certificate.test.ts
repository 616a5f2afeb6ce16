import { kubeconfigAuth, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { MlPlatformError } from '@ml-platform/core';
import { createKfpV2Client, getOrCreateExperiment } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { CERT_USER, startTestCluster, type TestCluster } from './support/test-cluster.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');

// This API server requires a client certificate: without mutual TLS the handshake fails, so a pass proves it.
let cluster: TestCluster;
let scratch: ScratchDir;

beforeAll(async () => {
  cluster = await startTestCluster({
    clientCertificates: 'required',
    tokens: { 'token-user-0123456789': 'token-user' },
  });
  scratch = new ScratchDir();
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

function kubeconfigFor(name: string, user: Record<string, unknown>): string {
  return scratch.kubeconfig(`${name}/config`, {
    'current-context': name,
    clusters: [
      {
        name,
        cluster: { server: cluster.api.url, 'certificate-authority-data': base64(cluster.certificates.ca) },
      },
    ],
    users: [{ name, user }],
    contexts: [{ name, context: { cluster: name, user: name } }],
  });
}

describe('client certificate users (mutual TLS)', () => {
  it('sends client-certificate-data and client-key-data through the transport; the API server reads the user from the CN', async () => {
    const kubeconfig = kubeconfigFor('embedded', {
      'client-certificate-data': base64(cluster.certificates.clientCert),
      'client-key-data': base64(cluster.certificates.clientKey),
    });
    const options = kubeServiceProxy({
      kubeconfig,
      namespace: 'kubeflow',
      service: 'ml-pipeline',
      port: 'http',
    });
    expect(options.auth.credentialSource).toBe('none');
    const kfp = createKfpV2Client({ ...options });
    const experiment = await getOrCreateExperiment(kfp, { name: 'over-mtls' });
    expect(experiment.display_name).toBe('over-mtls');
    expect(cluster.api.requests.at(-1)).toMatchObject({ user: CERT_USER, via: 'x509', status: 200 });
  });

  it('reads client-certificate and client-key files relative to the kubeconfig', async () => {
    scratch.file('files/pki/client.crt', cluster.certificates.clientCert);
    scratch.file('files/pki/client.key', cluster.certificates.clientKey);
    const kubeconfig = kubeconfigFor('files', {
      'client-certificate': 'pki/client.crt',
      'client-key': 'pki/client.key',
    });
    const auth = kubeconfigAuth({ kubeconfig });
    expect(auth.tls).toEqual({
      ca: cluster.certificates.ca,
      cert: cluster.certificates.clientCert,
      key: cluster.certificates.clientKey,
    });
    const { response } = await createKfpV2Client({
      baseUrl: `${auth.server}/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy`,
      auth,
      tls: auth.tls,
    }).GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
    expect(cluster.api.requests.at(-1)).toMatchObject({ user: CERT_USER, via: 'x509' });
  });

  it('is refused by a server that requires a certificate when the user has only a token', async () => {
    const kubeconfig = kubeconfigFor('token-only', { token: 'token-user-0123456789' });
    const error = await createKfpV2Client({
      ...kubeServiceProxy({ kubeconfig, namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' }),
    })
      .GET('/apis/v2beta1/healthz')
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MlPlatformError);
    expect((error as MlPlatformError).code).toMatch(/^(TLS_ERROR|NETWORK_ERROR)$/);
    expect(String(error)).not.toContain('token-user-0123456789');
  });
});
