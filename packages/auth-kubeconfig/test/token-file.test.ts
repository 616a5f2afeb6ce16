import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { KubeconfigAuthError, kubeconfigAuth, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

let cluster: TestCluster;
let scratch: ScratchDir;

beforeAll(async () => {
  cluster = await startTestCluster();
  scratch = new ScratchDir();
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

function kubeconfigWith(name: string, user: Record<string, unknown>): string {
  return scratch.kubeconfig(`${name}/config`, {
    'current-context': name,
    clusters: [
      {
        name,
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    ],
    users: [{ name, user }],
    contexts: [{ name, context: { cluster: name, user: name } }],
  });
}

function echoClient(kubeconfig: string) {
  return createKfpV2Client({
    ...kubeServiceProxy({ kubeconfig, namespace: 'default', service: 'echo', port: 'http' }),
  });
}

async function send(
  client: ReturnType<typeof echoClient>,
): Promise<{ status: number; user: string | undefined }> {
  const { response } = await client.GET('/apis/v2beta1/healthz');
  return { status: response.status, user: cluster.api.requests.at(-1)?.user };
}

describe('token and tokenFile users', () => {
  it('signs with a static token', async () => {
    cluster.api.addToken('static-token-0123456789', 'static-user');
    const client = echoClient(kubeconfigWith('static', { token: 'static-token-0123456789' }));
    expect(await send(client)).toEqual({ status: 200, user: 'static-user' });
  });

  it('re-reads a tokenFile when it is rewritten or atomically replaced, without a refused request', async () => {
    for (const n of [1, 2, 3]) cluster.api.addToken(`rotating-token-${n}-0123456789`, `rotating-${n}`);
    const tokenFile = scratch.file('rotating/token', 'rotating-token-1-0123456789\n');
    const client = echoClient(kubeconfigWith('rotating', { tokenFile }));
    expect(await send(client)).toEqual({ status: 200, user: 'rotating-1' });
    expect(await send(client)).toEqual({ status: 200, user: 'rotating-1' });

    cluster.api.revokeToken('rotating-token-1-0123456789');
    writeFileSync(tokenFile, 'rotating-token-2-0123456789\n');
    const before = cluster.api.requests.length;
    expect(await send(client)).toEqual({ status: 200, user: 'rotating-2' });

    // The kubelet's and most tools' way: write a new file and rename it over the old one.
    cluster.api.revokeToken('rotating-token-2-0123456789');
    scratch.file('rotating/token.new', 'rotating-token-3-0123456789');
    renameSync(`${scratch.path}/rotating/token.new`, tokenFile);
    expect(await send(client)).toEqual({ status: 200, user: 'rotating-3' });
    expect(cluster.api.requests.slice(before).map((request) => request.status)).toEqual([200, 200]);
  });

  it('prefers tokenFile to token, as client-go does', async () => {
    cluster.api.addToken('file-wins-0123456789', 'from-file');
    cluster.api.addToken('inline-loses-0123456789', 'inline');
    const tokenFile = scratch.file('both/token', 'file-wins-0123456789');
    const kubeconfig = kubeconfigWith('both', { token: 'inline-loses-0123456789', tokenFile });
    expect(await send(echoClient(kubeconfig))).toEqual({ status: 200, user: 'from-file' });
    expect(kubeconfigAuth({ kubeconfig }).credentialSource).toBe('tokenFile');
  });

  it('fails without sending when the tokenFile is missing, empty or not a token, naming the path only', async () => {
    const dir = scratch.file('broken/token', '');
    const cases: Array<[() => void, RegExp]> = [
      [() => rmSync(dir, { force: true }), /does not exist/],
      [() => writeFileSync(dir, '  \n'), /is empty/],
      [() => writeFileSync(dir, 'two words-0123456789'), /not a bearer token/],
    ];
    const kubeconfig = kubeconfigWith('broken', { tokenFile: dir });
    for (const [prepare, message] of cases) {
      prepare();
      const before = cluster.api.requests.length;
      const error = await echoClient(kubeconfig)
        .GET('/apis/v2beta1/healthz')
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(KubeconfigAuthError);
      expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_TOKEN_FILE', user: 'broken' });
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).toMatch(message);
      expect(inspect(error, { depth: 5 })).not.toContain('words-0123456789');
      expect(cluster.api.requests.length).toBe(before);
    }
  });
});
