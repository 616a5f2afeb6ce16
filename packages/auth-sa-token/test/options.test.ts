import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  KFP_SA_TOKEN_PATH,
  KUBERNETES_SA_TOKEN_PATH,
  type ServiceAccountTokenAuthOptions,
  serviceAccountTokenAuth,
} from '@ml-platform/auth-sa-token';
import { ConfigError } from '@ml-platform/core';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KfpAuthEmulator, startKfpAuthEmulator } from './support/kfp-auth-emulator.js';

let kfp: KfpAuthEmulator;
let scratch: string;
let tokenPath: string;
beforeAll(async () => {
  kfp = await startKfpAuthEmulator(['token-from-file']);
  scratch = await mkdtemp(join(tmpdir(), 'sa-token-options-'));
  tokenPath = join(scratch, 'token');
  await writeFile(tokenPath, 'token-from-file\n');
});
afterAll(async () => {
  await kfp.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('which token file', () => {
  it('uses KF_PIPELINES_SA_TOKEN_PATH when no path is given, made absolute', async () => {
    const auth = serviceAccountTokenAuth({
      env: { KF_PIPELINES_SA_TOKEN_PATH: ` ${relative(process.cwd(), tokenPath)}\n` },
    });
    const { response } = await createKfpV2Client({ baseUrl: kfp.url, auth }).GET('/apis/v2beta1/healthz');
    auth.close();

    expect(auth.path).toBe(tokenPath);
    expect(response.status).toBe(200);
  });

  it('reads KF_PIPELINES_SA_TOKEN_PATH from process.env by default', () => {
    const saved = process.env.KF_PIPELINES_SA_TOKEN_PATH;
    process.env.KF_PIPELINES_SA_TOKEN_PATH = tokenPath;
    try {
      expect(serviceAccountTokenAuth().path).toBe(tokenPath);
    } finally {
      if (saved === undefined) delete process.env.KF_PIPELINES_SA_TOKEN_PATH;
      else process.env.KF_PIPELINES_SA_TOKEN_PATH = saved;
    }
  });

  it('prefers the path option over KF_PIPELINES_SA_TOKEN_PATH', () => {
    const auth = serviceAccountTokenAuth({
      path: tokenPath,
      env: { KF_PIPELINES_SA_TOKEN_PATH: '/elsewhere' },
    });
    expect(auth.path).toBe(tokenPath);
  });

  it('falls back to the Kubeflow default path and says so when it is missing', async () => {
    const auth = serviceAccountTokenAuth({ env: {} });
    expect(auth.path).toBe('/var/run/secrets/kubeflow/pipelines/token');
    expect(KFP_SA_TOKEN_PATH).toBe(auth.path);

    const error = await createKfpV2Client({ baseUrl: kfp.url, auth })
      .GET('/apis/v2beta1/healthz')
      .catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_MISSING', path: KFP_SA_TOKEN_PATH });
    expect((error as Error).message).toContain(
      '/var/run/secrets/kubeflow/pipelines/token (the default; KF_PIPELINES_SA_TOKEN_PATH is not set)',
    );
  });

  it("uses the standard Kubernetes token with source: 'kubernetes', ignoring KF_PIPELINES_SA_TOKEN_PATH", async () => {
    const auth = serviceAccountTokenAuth({
      source: 'kubernetes',
      env: { KF_PIPELINES_SA_TOKEN_PATH: tokenPath },
    });
    expect(auth.path).toBe('/var/run/secrets/kubernetes.io/serviceaccount/token');
    expect(KUBERNETES_SA_TOKEN_PATH).toBe(auth.path);

    const error = await createKfpV2Client({ baseUrl: kfp.url, auth })
      .GET('/apis/v2beta1/healthz')
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'AUTH_SA_TOKEN_MISSING' });
    expect((error as Error).message).toContain('automountServiceAccountToken');
  });
});

describe('option validation, up front', () => {
  it.each<[string, unknown, RegExp]>([
    ['an unknown option', { tokenPath: '/x' }, /unknown option tokenPath; the options are path, source/],
    ['path and source together', { path: '/x', source: 'kubernetes' }, /either path or source/],
    ['an empty path', { path: ' ' }, /path must be a non-empty file path/],
    ['an unknown source', { source: 'gcp' }, /source must be one of 'kubeflow-pipelines', 'kubernetes'/],
    ['a negative checkIntervalMs', { checkIntervalMs: -1 }, /checkIntervalMs must be a finite number/],
    [
      'an infinite clockSkewMs',
      { clockSkewMs: Number.POSITIVE_INFINITY },
      /clockSkewMs must be a finite number/,
    ],
    ['a non-boolean watch', { watch: 'yes' }, /watch must be true or false/],
    ['options that are not an object', 'path', /options must be an object/],
  ])('rejects %s with CONFIG_INVALID_OPTION', (_name, options, message) => {
    let thrown: unknown;
    try {
      serviceAccountTokenAuth(options as ServiceAccountTokenAuthOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ code: 'CONFIG_INVALID_OPTION', message: expect.stringMatching(message) });
    expect((thrown as Error).message).toMatch(/^\[@ml-platform\/auth-sa-token\] /);
  });
});

describe('plugs into every client', () => {
  it('signs KFP v1beta1, KFP v2beta1 and Seldon Deploy requests, as auth or through client.use()', async () => {
    const auth = serviceAccountTokenAuth({ path: tokenPath });
    const kfpV1 = createKfpV1Client({ baseUrl: kfp.url, auth });
    const kfpV2 = createKfpV2Client({ baseUrl: kfp.url });
    kfpV2.use(auth);
    const seldon = createSeldonDeployClient({ baseUrl: `${kfp.url}/seldon-deploy/api/v1alpha1`, auth });
    const seen = kfp.requests.length;

    const statuses = [
      (await kfpV1.GET('/apis/v1beta1/healthz')).response.status,
      (await kfpV2.GET('/apis/v2beta1/healthz')).response.status,
      (await seldon.GET('/healthcheck')).response.status,
    ];
    auth.close();

    expect(statuses).toEqual([200, 200, 200]);
    expect(kfp.requests.slice(seen).map(({ path, authorization }) => [path, authorization])).toEqual([
      ['/apis/v1beta1/healthz', 'Bearer token-from-file'],
      ['/apis/v2beta1/healthz', 'Bearer token-from-file'],
      ['/seldon-deploy/api/v1alpha1/healthcheck', 'Bearer token-from-file'],
    ]);
    // One plugin, one read, shared by the three clients.
    expect(auth.cache.acquisitions).toBe(1);
  });
});
