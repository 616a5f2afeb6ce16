/**
 * Options are checked when the plugin is created, with messages that say
 * which option and what was expected, and that never repeat a credential.
 */
import { inspect } from 'node:util';
import { type DexSessionAuthOptions, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { ConfigError } from '@ml-platform/core';
import { describe, expect, it } from 'vitest';
import { leakedCredentials, PASSWORD, startCluster, USERNAME } from './cluster.js';

const valid: DexSessionAuthOptions = {
  endpoint: 'https://kubeflow.example.com/pipeline',
  username: USERNAME,
  password: PASSWORD,
};

describe('options', () => {
  it.each([
    [{ endpoint: undefined }, 'endpoint must be a non-empty URL string'],
    [{ endpoint: 'kubeflow.example.com' }, 'endpoint must be an absolute URL with a scheme'],
    [{ endpoint: 'ftp://kubeflow.example.com' }, 'endpoint must use http or https'],
    [
      { endpoint: `https://${USERNAME}:${PASSWORD}@kubeflow.example.com` },
      'endpoint must not contain user info',
    ],
    [{ username: '' }, 'username must be a non-empty string'],
    [{ password: 42 }, 'password must be a non-empty string'],
    [{ connector: 'ldap/x' }, 'connector must be a Dex connector id'],
    [{ passwordCooldownMs: -1 }, 'passwordCooldownMs must be a number of milliseconds from 0 (no cooldown)'],
    [{ dexUrl: 'dex' }, 'dexUrl must be an absolute URL with a scheme'],
    [{ tls: 'insecure' }, 'tls must be an object'],
    [{ tls: { insecureSkipVerify: 'yes' } }, 'tls.insecureSkipVerify must be true or false'],
    [{ timeoutMs: -1 }, 'timeoutMs must be a positive number'],
    [{ sessionFile: ' ' }, 'sessionFile must be a non-empty path'],
    [{ maxRedirects: 0 }, 'maxRedirects must be a positive integer'],
    [{ log: 'console' }, 'log must be a function'],
  ])('rejects %o', (override, message) => {
    const create = () => dexSessionAuth({ ...valid, ...(override as object) } as DexSessionAuthOptions);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(message);
    let thrown: unknown;
    try {
      create();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'CONFIG_INVALID_OPTION' });
    expect(leakedCredentials([thrown])).toEqual([]);
  });

  it('shows neither credentials nor session cookies when the plugin is inspected or printed', async () => {
    const cluster = await startCluster();
    await cluster.kfp.GET('/apis/v2beta1/healthz');
    const session = cluster.auth.cache.peek();
    const cookie = session?.jar.getCookieStringSync(cluster.emulator.endpoint) ?? '';
    expect(cookie).toMatch(/^_oauth2_proxy=.{20,}/);
    const printed = [
      inspect(cluster.auth, { depth: 10, showHidden: true }),
      JSON.stringify(cluster.auth),
      String(cluster.auth),
    ];
    expect(leakedCredentials(printed, [PASSWORD, USERNAME, cookie.split('=')[1] ?? ''])).toEqual([]);
  });
});
