import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { KubeconfigError, kubeconfigAuth, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { loadKubeconfigAuth, loadKubeServiceProxy } from '@ml-platform/auth-kubeconfig/async';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

const TOKEN = 'async-token-0123456789';
const LOAD_SERVICE_PROXY = fileURLToPath(new URL('./fixtures/load-service-proxy.mjs', import.meta.url));
const SERVICE = { namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' } as const;

let cluster: TestCluster;
let scratch: ScratchDir;
let yamlKubeconfig: string;
let jsonKubeconfig: string;

beforeAll(async () => {
  cluster = await startTestCluster({ tokens: { [TOKEN]: 'alice' } });
  scratch = new ScratchDir();
  const config = {
    'current-context': 'test',
    clusters: [
      {
        name: 'test',
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    ],
    users: [{ name: 'alice', user: { token: TOKEN } }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'alice', namespace: 'team-a' } }],
  };
  yamlKubeconfig = scratch.kubeconfig('config.yaml', config);
  // What `kubectl config view --flatten -o json` writes.
  jsonKubeconfig = scratch.file(
    'config.json',
    JSON.stringify({ apiVersion: 'v1', kind: 'Config', ...config }),
  );
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

/** What a caller can see of the client options, without the plugin's functions. */
function described(options: Awaited<ReturnType<typeof loadKubeServiceProxy>>) {
  const { baseUrl, tls, proxy, auth } = options;
  return { baseUrl, tls, proxy, context: auth.context, namespace: auth.namespace, user: auth.user };
}

describe('loadKubeServiceProxy and loadKubeconfigAuth', () => {
  it.each([
    ['YAML', () => yamlKubeconfig],
    ['JSON', () => jsonKubeconfig],
  ])(
    'resolve a %s kubeconfig as the synchronous functions do, and sign through the proxy',
    async (_kind, file) => {
      const kubeconfig = file();
      const loaded = await loadKubeServiceProxy({ kubeconfig, ...SERVICE });
      expect(described(loaded)).toEqual(described(kubeServiceProxy({ kubeconfig, ...SERVICE })));
      expect(loaded.auth.credentialSource).toBe('token');

      const { response } = await createKfpV2Client({ ...loaded }).GET('/apis/v2beta1/healthz');
      expect(response.status).toBe(200);
      expect(cluster.api.requests.at(-1)).toMatchObject({ user: 'alice', via: 'token' });

      const auth = await loadKubeconfigAuth({ kubeconfig });
      expect([auth.context, auth.namespace, auth.user, auth.server]).toEqual([
        'test',
        'team-a',
        'alice',
        cluster.api.url,
      ]);
    },
  );

  it('reject with the errors the synchronous functions throw: options first, then the kubeconfig', async () => {
    const typo = { kubeconfig: jsonKubeconfig, ...SERVICE, contxt: 'test' } as never;
    const thrown = captured(() => kubeServiceProxy(typo));
    const rejected = await loadKubeServiceProxy(typo).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(ConfigError);
    expect(rejected).toEqual(thrown);
    expect((rejected as Error).message).toBe((thrown as Error).message);

    const missingContext = { kubeconfig: jsonKubeconfig, context: 'nowhere' };
    const sync = captured(() => kubeconfigAuth(missingContext));
    const lazy = await loadKubeconfigAuth(missingContext).catch((error: unknown) => error);
    expect(lazy).toBeInstanceOf(KubeconfigError);
    expect((lazy as KubeconfigError).code).toBe((sync as KubeconfigError).code);
    expect((lazy as Error).message).toBe((sync as Error).message);

    const broken = scratch.file('broken.json', '{"apiVersion": "v1", "clusters": [}');
    const notYaml = await loadKubeconfigAuth({ kubeconfig: broken }).catch((error: unknown) => error);
    expect((notYaml as KubeconfigError).code).toBe(
      (captured(() => kubeconfigAuth({ kubeconfig: broken })) as KubeconfigError).code,
    );
  });

  it.each([
    ['JSON', () => jsonKubeconfig, false],
    ['YAML', () => yamlKubeconfig, true],
  ])(
    'load the YAML parser in a fresh process only for a kubeconfig that needs it (%s)',
    async (_kind, file, needsYaml) => {
      const { stdout } = await promisify(execFile)(process.execPath, [LOAD_SERVICE_PROXY], {
        env: { ...process.env, KUBECONFIG: file() },
        timeout: 60_000,
      });
      const report = JSON.parse(stdout) as { status: number; loaded: string[] };
      expect(report.status).toBe(200);
      const yaml = report.loaded.filter((url) => /\/node_modules\/yaml\/|\/core\/dist\/yaml\//.test(url));
      expect(yaml.length > 0).toBe(needsYaml);
    },
  );
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
