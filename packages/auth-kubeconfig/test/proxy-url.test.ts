import { KubeconfigError, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startTinyproxy, type Tinyproxy } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

// A real forward proxy (tinyproxy, Debian package `tinyproxy`) between the client and the API server.
let cluster: TestCluster;
let proxy: Tinyproxy;
let scratch: ScratchDir;

beforeAll(async () => {
  [cluster, proxy] = await Promise.all([
    startTestCluster({ tokens: { 'proxied-token-0123456789': 'proxied' } }),
    startTinyproxy(),
  ]);
  scratch = new ScratchDir();
});
afterAll(async () => {
  await Promise.all([cluster.stop(), proxy.stop()]);
  scratch.remove();
});

function kubeconfigWithProxy(name: string, proxyUrl: string): string {
  return scratch.kubeconfig(`${name}/config`, {
    'current-context': name,
    clusters: [
      {
        name,
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
          'proxy-url': proxyUrl,
        },
      },
    ],
    users: [{ name, user: { token: 'proxied-token-0123456789' } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
  });
}

describe("the cluster's proxy-url", () => {
  it('sends the requests through that proxy, HTTPS tunnelled with CONNECT', async () => {
    const kubeconfig = kubeconfigWithProxy('via-proxy', proxy.url);
    const options = kubeServiceProxy({ kubeconfig, namespace: 'default', service: 'echo', port: 'http' });
    expect(options.proxy).toBe(proxy.url);
    const { response } = await createKfpV2Client({ ...options }).GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
    expect(cluster.api.requests.at(-1)).toMatchObject({ user: 'proxied', status: 200 });
    const port = new URL(cluster.api.url).port;
    expect(proxy.requestLines().some((line) => line.startsWith(`CONNECT 127.0.0.1:${port}`))).toBe(true);
  });

  it('refuses a socks5 proxy-url without quoting it', () => {
    const kubeconfig = kubeconfigWithProxy('socks', 'socks5://user:s3cret-proxy-pass@127.0.0.1:1080');
    let error: unknown;
    try {
      kubeServiceProxy({ kubeconfig, namespace: 'default', service: 'echo', port: 'http' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(KubeconfigError);
    expect(error).toMatchObject({
      code: 'KUBECONFIG_UNSUPPORTED',
      field: 'clusters["socks"].cluster.proxy-url',
    });
    expect(String(error)).not.toContain('s3cret-proxy-pass');
  });
});
