import { delimiter, join } from 'node:path';
import { KubeconfigError, kubeconfigAuth, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

let cluster: TestCluster;
let scratch: ScratchDir;

beforeAll(async () => {
  cluster = await startTestCluster({
    tokens: { 'first-token-0123456789': 'first', 'second-token-0123456789': 'second' },
  });
  scratch = new ScratchDir();
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

const clusterEntry = (name: string, body: Record<string, unknown> = {}) => ({
  name,
  cluster: {
    server: cluster.api.url,
    'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
    ...body,
  },
});

function loadError(run: () => unknown): KubeconfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KubeconfigError);
    expect(error).toBeInstanceOf(ConfigError);
    return error as KubeconfigError;
  }
  throw new Error('expected a KubeconfigError');
}

async function userSeenThrough(
  env: Record<string, string | undefined>,
  context?: string,
): Promise<string | undefined> {
  const client = createKfpV2Client({
    ...kubeServiceProxy({ env, context, namespace: 'default', service: 'echo', port: 'http' }),
  });
  const { response } = await client.GET('/apis/v2beta1/healthz');
  expect(response.status).toBe(200);
  return cluster.api.requests.at(-1)?.user;
}

describe('loading the kubeconfig as kubectl does', () => {
  it("merges a KUBECONFIG list by kubectl's rules: first file wins per name, current-context from the first that sets it", async () => {
    const first = scratch.kubeconfig('merge/first', {
      users: [{ name: 'shared-user', user: { token: 'first-token-0123456789' } }],
      contexts: [{ name: 'shared', context: { cluster: 'from-second', user: 'shared-user' } }],
    });
    const second = scratch.kubeconfig('merge/second', {
      'current-context': 'shared',
      clusters: [clusterEntry('from-second')],
      users: [
        { name: 'shared-user', user: { token: 'second-token-0123456789' } },
        { name: 'second-only', user: { token: 'second-token-0123456789' } },
      ],
      contexts: [
        { name: 'shared', context: { cluster: 'from-second', user: 'second-only' } },
        { name: 'other', context: { cluster: 'from-second', user: 'second-only' } },
      ],
    });
    const third = scratch.kubeconfig('merge/third', { 'current-context': 'other' });
    const missing = join(scratch.path, 'merge', 'not-there');
    const KUBECONFIG = [missing, first, second, third].join(delimiter);

    // `shared` from the first file (its user `shared-user`, also from the first file); current-context from the second.
    expect(await userSeenThrough({ KUBECONFIG })).toBe('first');
    expect(await userSeenThrough({ KUBECONFIG }, 'other')).toBe('second');
    const auth = kubeconfigAuth({ env: { KUBECONFIG } });
    expect({ context: auth.context, user: auth.user, source: auth.credentialSource }).toEqual({
      context: 'shared',
      user: 'shared-user',
      source: 'token',
    });
  });

  it('falls back to ~/.kube/config, and takes a list given as the option like KUBECONFIG', async () => {
    scratch.kubeconfig('home/.kube/config', {
      'current-context': 'home',
      clusters: [clusterEntry('home')],
      users: [{ name: 'home', user: { token: 'second-token-0123456789' } }],
      contexts: [{ name: 'home', context: { cluster: 'home', user: 'home' } }],
    });
    expect(await userSeenThrough({ HOME: join(scratch.path, 'home') })).toBe('second');
    expect(
      kubeconfigAuth({
        kubeconfig: [join(scratch.path, 'nope'), join(scratch.path, 'home/.kube/config')],
        env: {},
      }).context,
    ).toBe('home');
  });

  it('resolves relative paths against the file that names them', async () => {
    scratch.file('relative/certs/ca.crt', cluster.certificates.ca);
    scratch.file('relative/tokens/token', 'first-token-0123456789\n');
    const config = scratch.kubeconfig('relative/nested/config', {
      'current-context': 'relative',
      clusters: [
        {
          name: 'relative',
          cluster: { server: cluster.api.url, 'certificate-authority': '../certs/ca.crt' },
        },
      ],
      users: [{ name: 'relative', user: { tokenFile: '../tokens/token' } }],
      contexts: [{ name: 'relative', context: { cluster: 'relative', user: 'relative' } }],
    });
    // Loaded from another directory: the paths are the file's, not the working directory's.
    expect(await userSeenThrough({ KUBECONFIG: config })).toBe('first');
    expect(kubeServiceProxy({ kubeconfig: config, namespace: 'a', service: 'b', port: 1 }).tls).toEqual({
      ca: cluster.certificates.ca,
    });
  });

  it('acquire() gives the token a request would carry, re-read once the token file is rewritten', async () => {
    const tokenPath = scratch.file('acquire/token', 'acquired-token-0123456789\n');
    const config = scratch.kubeconfig('acquire/config', {
      'current-context': 'acquire',
      clusters: [{ name: 'acquire', cluster: { server: 'https://203.0.113.10:6443' } }],
      users: [{ name: 'acquire', user: { tokenFile: tokenPath } }],
      contexts: [{ name: 'acquire', context: { cluster: 'acquire', user: 'acquire' } }],
    });
    const auth = kubeconfigAuth({ kubeconfig: config });
    await expect(auth.acquire?.()).resolves.toMatchObject({ value: 'acquired-token-0123456789' });
    scratch.file('acquire/token', 'rotated-token-0123456789-longer\n');
    await expect(auth.acquire?.()).resolves.toMatchObject({ value: 'rotated-token-0123456789-longer' });
    expect(auth.diagnostics?.()).toMatchObject({ acquisitions: 2, hasCredential: true });
  });

  it('says what is missing: no file, no context, an undefined context, cluster or user', () => {
    const none = loadError(() => kubeconfigAuth({ env: { KUBECONFIG: join(scratch.path, 'absent') } }));
    expect(none.code).toBe('KUBECONFIG_NOT_FOUND');
    expect(none.message).toContain(join(scratch.path, 'absent'));
    expect(loadError(() => kubeconfigAuth({ kubeconfig: join(scratch.path, 'absent') }))).toMatchObject({
      code: 'KUBECONFIG_NOT_FOUND',
      file: join(scratch.path, 'absent'),
    });

    const noCurrent = scratch.kubeconfig('errors/no-current', {
      contexts: [{ name: 'a', context: { cluster: 'c', user: 'u' } }],
    });
    const noContext = loadError(() => kubeconfigAuth({ kubeconfig: noCurrent }));
    expect(noContext.code).toBe('KUBECONFIG_NO_CONTEXT');
    expect(noContext.message).toMatch(/Pass the context option \(one of: a\)/);

    const unknownContext = loadError(() => kubeconfigAuth({ kubeconfig: noCurrent, context: 'b' }));
    expect(unknownContext).toMatchObject({ code: 'KUBECONFIG_NOT_DEFINED', context: 'b' });
    expect(unknownContext.message).toMatch(/context "b" \(named by the context option\).*Defined: a/);

    const noCluster = loadError(() => kubeconfigAuth({ kubeconfig: noCurrent, context: 'a' }));
    expect(noCluster).toMatchObject({
      code: 'KUBECONFIG_NOT_DEFINED',
      context: 'a',
      file: noCurrent,
      field: 'contexts["a"].context.cluster',
    });
  });

  it('names the file, context and field of a malformed entry, never a secret in it', () => {
    const cases: Array<[Record<string, unknown>, Partial<KubeconfigError>]> = [
      [
        { cluster: { server: 'not a url' } },
        { code: 'KUBECONFIG_INVALID', field: 'clusters["c"].cluster.server' },
      ],
      [
        { cluster: { server: cluster.api.url, 'certificate-authority-data': 'bm90IGEgY2VydA==' } },
        { field: 'clusters["c"].cluster.certificate-authority-data' },
      ],
      [
        { cluster: { server: cluster.api.url, 'insecure-skip-tls-verify': 'yes please' } },
        { field: 'clusters["c"].cluster.insecure-skip-tls-verify' },
      ],
      [
        {
          user: {
            'client-certificate-data': Buffer.from(cluster.certificates.clientCert).toString('base64'),
          },
        },
        { field: 'users["u"].user.client-key' },
      ],
      [
        { user: { 'auth-provider': { name: 'gcp' } } },
        { code: 'KUBECONFIG_UNSUPPORTED', field: 'users["u"].user.auth-provider' },
      ],
      [{ user: { username: 'admin', password: 'hunter2-password' } }, { code: 'KUBECONFIG_UNSUPPORTED' }],
      [
        { user: { token: 'hunter2-password\nX-Injected: 1' } },
        { code: 'KUBECONFIG_INVALID', field: 'users["u"].user.token' },
      ],
      [
        { user: { 'client-certificate': 'missing.crt', 'client-key': 'missing.key' } },
        { code: 'KUBECONFIG_NOT_FOUND', field: 'users["u"].user.client-certificate' },
      ],
    ];
    for (const [index, [entry, expected]] of cases.entries()) {
      const file = scratch.kubeconfig(`malformed/${index}`, {
        'current-context': 'ctx',
        clusters: [{ name: 'c', cluster: entry.cluster ?? { server: cluster.api.url } }],
        users: [{ name: 'u', user: entry.user ?? { token: 'tok-0123456789' } }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      });
      const error = loadError(() => kubeconfigAuth({ kubeconfig: file }));
      expect(error, JSON.stringify(entry)).toMatchObject({ file, context: 'ctx', ...expected });
      expect(error.message).not.toContain('hunter2-password');
      expect(error.message).not.toContain('BEGIN');
    }
  });

  it('refuses a file that is not a kubeconfig, and a name listed twice in one file', () => {
    const yaml = scratch.file('not/yaml', 'clusters: [\n  - name: a\n');
    expect(loadError(() => kubeconfigAuth({ kubeconfig: yaml }))).toMatchObject({
      code: 'KUBECONFIG_INVALID',
      file: yaml,
    });
    const pod = scratch.file('not/pod', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n');
    expect(loadError(() => kubeconfigAuth({ kubeconfig: pod })).message).toMatch(
      /a Kubernetes Pod, not a kubeconfig/,
    );
    const twice = scratch.kubeconfig('not/twice', {
      users: [
        { name: 'u', user: {} },
        { name: 'u', user: {} },
      ],
    });
    expect(loadError(() => kubeconfigAuth({ kubeconfig: twice }))).toMatchObject({ field: 'users[1].name' });
  });

  it('honours insecure-skip-tls-verify only when the kubeconfig says so', async () => {
    const withoutCa = scratch.kubeconfig('insecure/without-ca', {
      'current-context': 'x',
      clusters: [{ name: 'x', cluster: { server: cluster.api.url } }],
      users: [{ name: 'x', user: { token: 'first-token-0123456789' } }],
      contexts: [{ name: 'x', context: { cluster: 'x', user: 'x' } }],
    });
    const verifying = kubeServiceProxy({
      kubeconfig: withoutCa,
      namespace: 'default',
      service: 'echo',
      port: 'http',
    });
    expect(verifying.tls).toBeUndefined();
    const refused = await createKfpV2Client({ ...verifying })
      .GET('/apis/v2beta1/healthz')
      .catch((error: unknown) => error);
    // Without the cluster's CA the test server's certificate is not trusted: verification is on.
    expect(refused).toMatchObject({ code: 'TLS_ERROR' });

    const insecure = scratch.kubeconfig('insecure/skip', {
      'current-context': 'x',
      clusters: [{ name: 'x', cluster: { server: cluster.api.url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'x', user: { token: 'first-token-0123456789' } }],
      contexts: [{ name: 'x', context: { cluster: 'x', user: 'x' } }],
    });
    const skipping = kubeServiceProxy({
      kubeconfig: insecure,
      namespace: 'default',
      service: 'echo',
      port: 'http',
    });
    expect(skipping.tls).toEqual({ insecureSkipVerify: true });
    const { response } = await createKfpV2Client({ ...skipping }).GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
  });
});
