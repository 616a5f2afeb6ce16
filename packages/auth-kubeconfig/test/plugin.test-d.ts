import {
  type KubeServiceProxyClientOptions,
  type KubeServiceProxyOptions,
  kubeconfigAuth,
  kubeServiceProxy,
} from '@ml-platform/auth-kubeconfig';
import { loadKubeconfigAuth, loadKubeServiceProxy } from '@ml-platform/auth-kubeconfig/async';
import type { ApiClientOptions, AuthPlugin, TlsOptions } from '@ml-platform/core';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { expectTypeOf, test } from 'vitest';

test("kubeServiceProxy's result spreads into every client factory", () => {
  const proxy = kubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' });
  expectTypeOf(proxy).toExtend<Pick<ApiClientOptions, 'baseUrl' | 'auth' | 'tls' | 'proxy'>>();
  createKfpV2Client({ ...proxy });
  createKfpV1Client({ ...proxy });
  createSeldonDeployClient({ ...proxy, baseUrl: `${proxy.baseUrl}/seldon-deploy/api/v1alpha1` });
  expectTypeOf<KubeServiceProxyClientOptions['tls']>().toExtend<TlsOptions | undefined>();
});

test('kubeconfigAuth is an AuthPlugin that says what it signs with', () => {
  const auth = kubeconfigAuth({ context: 'prod' });
  expectTypeOf(auth).toExtend<AuthPlugin>();
  expectTypeOf(auth.credentialSource).toEqualTypeOf<'tokenFile' | 'token' | 'exec' | 'none'>();
  createKfpV2Client({ baseUrl: 'https://kfp.example.com/pipeline', auth, tls: auth.tls, proxy: auth.proxy });
});

test('options are typed', () => {
  expectTypeOf<KubeServiceProxyOptions['port']>().toEqualTypeOf<string | number>();
  // @ts-expect-error namespace, service and port are required
  kubeServiceProxy({ namespace: 'kubeflow' });
  // @ts-expect-error scheme is http or https
  kubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http', scheme: 'ftp' });
  // @ts-expect-error kubeconfig is a path or a list of paths
  kubeconfigAuth({ kubeconfig: 42 });
});

test('the /async entry points take the same options and resolve to the same values', async () => {
  const proxy = await loadKubeServiceProxy({ namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' });
  expectTypeOf(proxy).toEqualTypeOf<KubeServiceProxyClientOptions>();
  createKfpV2Client({ ...proxy });
  expectTypeOf(loadKubeconfigAuth).parameters.toEqualTypeOf<Parameters<typeof kubeconfigAuth>>();
  expectTypeOf(loadKubeconfigAuth).returns.toEqualTypeOf<Promise<ReturnType<typeof kubeconfigAuth>>>();
  // @ts-expect-error namespace, service and port are required
  await loadKubeServiceProxy({ namespace: 'kubeflow' });
});
