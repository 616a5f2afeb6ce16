import { inspect } from 'node:util';
import { type DexSessionAuthOptions, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { ConfigError } from '@ml-platform/core';
import { describe, expect, it } from 'vitest';
import { PASSWORD, startCluster, USERNAME } from './cluster.js';

const valid: DexSessionAuthOptions = {
  endpoint: 'https://kubeflow.example.com/pipeline',
  username: USERNAME,
  password: PASSWORD,
};

describe('options are checked with core’s helpers', () => {
  it('an unknown option says which one was meant, prefixed with the package name', () => {
    const create = () => dexSessionAuth({ ...valid, usernam: 'alice' } as never);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(
      /^\[@ml-platform\/auth-dex-session\] unknown option usernam \(did you mean username\?\)/,
    );
  });

  it('a string where the options belong says so', () => {
    expect(() => dexSessionAuth('https://kubeflow.example.com/pipeline' as never)).toThrow(
      /\[@ml-platform\/auth-dex-session\] options must be an object such as \{ endpoint: .*got a string/,
    );
  });

  it.each([
    [
      'endpoint',
      { endpoint: 'https://admin:hunter22@kubeflow.example.com/pipeline' },
      'https://***@kubeflow.example.com/pipeline',
    ],
    ['dexUrl', { dexUrl: 'https://admin:hunter22@dex.example.com/dex' }, 'https://***@dex.example.com/dex'],
  ])('%s with user info is refused, shown as ***@host', (_, override, shown) => {
    let thrown: unknown;
    try {
      dexSessionAuth({ ...valid, ...override });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain(shown);
    expect(inspect(thrown)).not.toContain('hunter22');
  });

  it('timeoutMs above what timers can wait is refused', () => {
    expect(() => dexSessionAuth({ ...valid, timeoutMs: 2 ** 31 })).toThrow(
      /timeoutMs must be .* up to 2147483647/,
    );
  });
});

describe('diagnostics', () => {
  it('counts logins as acquisitions and never shows the session', async () => {
    const { auth, kfp } = await startCluster();
    expect(auth.diagnostics()).toEqual({ acquisitions: 0, hasCredential: false, expiresAt: undefined });
    const { response } = await kfp.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
    const diagnostics = auth.diagnostics();
    expect(diagnostics).toMatchObject({ acquisitions: 1, hasCredential: true });
    const cookie = auth.cache.peek()?.value ?? '';
    expect(cookie).not.toBe('');
    expect(`${JSON.stringify(diagnostics)} ${inspect(diagnostics)}`).not.toContain(cookie);
  });
});
