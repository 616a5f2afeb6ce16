import { type ServiceAccountTokenAuthOptions, serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import type { AuthPlugin } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { expectTypeOf, test } from 'vitest';

test('the plugin is an AuthPlugin any client takes, and Disposable', () => {
  const auth = serviceAccountTokenAuth();
  expectTypeOf(auth).toExtend<AuthPlugin>();
  expectTypeOf(auth).toExtend<Disposable>();
  expectTypeOf(auth.cache.acquisitions).toEqualTypeOf<number>();
  expectTypeOf(auth.path).toEqualTypeOf<string>();
  createKfpV2Client({ baseUrl: 'http://ml-pipeline-ui.kubeflow', auth });
});

test('options are typed', () => {
  expectTypeOf<ServiceAccountTokenAuthOptions['source']>().toEqualTypeOf<
    'kubeflow-pipelines' | 'kubernetes' | undefined
  >();
  // @ts-expect-error source is one of two names
  serviceAccountTokenAuth({ source: 'gcp' });
  // @ts-expect-error path is a string
  serviceAccountTokenAuth({ path: 42 });
});
