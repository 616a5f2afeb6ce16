import { inspect } from 'node:util';
import { ServiceAccountTokenError, serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createProjectedVolume } from '@ml-platform/testbed/kubernetes/projected-volume';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKfpAuthEmulator } from './support/kfp-auth-emulator.js';
import { serviceAccountJwt } from './support/service-account-jwt.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(token: string, accepted = [token]) {
  const volume = createProjectedVolume({ token });
  cleanups.push(() => volume.remove());
  const kfp = await startKfpAuthEmulator(accepted);
  cleanups.push(() => kfp.close());
  const auth = serviceAccountTokenAuth({ path: volume.tokenPath });
  cleanups.push(() => auth.close());
  const client = createKfpV2Client({ baseUrl: kfp.url, auth });
  return { volume, kfp, auth, client };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The process warnings emitted until the test ends. */
function collectWarnings(): Array<Error & { code?: string }> {
  const warnings: Array<Error & { code?: string }> = [];
  const listener = (warning: Error & { code?: string }) => warnings.push(warning);
  process.on('warning', listener);
  cleanups.push(() => process.off('warning', listener));
  return warnings;
}

describe('token expiry', () => {
  it('sends a token still valid by its exp, warning once that it was not rotated; refuses it only past the skew allowance; recovers after rotation', async () => {
    // Only Date is faked (the clock the plugin and the emulated server read); sockets and fs run for real.
    const start = Math.floor(Date.now() / 1000) * 1000;
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const token = serviceAccountJwt({ exp: seconds(start) + 7200 });
    const { volume, kfp, auth, client } = await setUp(token);
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(auth.cache.acquisitions).toBe(1);

    // 10 s before exp, inside the 30 s clock-skew allowance, the file unchanged: the token is still good,
    // so it is sent (the server decides), after a re-read, with one warning that the file was not rotated.
    const warnings = collectWarnings();
    vi.setSystemTime(start + 7190_000);
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(auth.cache.acquisitions).toBe(2);
    vi.setSystemTime(start + 7195_000);
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(auth.cache.acquisitions).toBe(3);
    expect(kfp.count(token, 200)).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ name: 'Warning', code: 'AUTH_SA_TOKEN_NOT_ROTATED' });
    expect(warnings[0]?.message).toMatch(
      new RegExp(
        `The token in .*${volume.tokenPath}.* expires at \\S+Z \\(in 10 s\\) and the file has not been replaced`,
      ),
    );

    // 20 s past exp, still within the allowance: sent, and the server's 401 is the caller's answer.
    vi.setSystemTime(start + 7220_000);
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(401);
    expect(warnings).toHaveLength(1);
    const sentBefore = kfp.requests.length;

    vi.setSystemTime(start + 7260_000);
    const late = await client.GET('/apis/v2beta1/healthz').catch((error: unknown) => error);
    expect(late).toBeInstanceOf(ServiceAccountTokenError);
    expect(late).toMatchObject({ code: 'AUTH_SA_TOKEN_EXPIRED', path: volume.tokenPath });
    expect((late as Error).message).toMatch(/expired at \S+Z \(60 s ago\)/);
    // Refused before sending: the expired token did not go out again.
    expect(kfp.requests).toHaveLength(sentBefore);
    for (const error of [late, ...warnings]) {
      expect(`${(error as Error).message} ${String(error)} ${inspect(error, { depth: 10 })}`).not.toContain(
        token,
      );
    }

    const rotated = serviceAccountJwt({ exp: seconds(Date.now()) + 7200 });
    volume.project({ token: rotated });
    kfp.accept(rotated);
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(kfp.count(rotated, 200)).toBe(1);
  });

  it('sends a token read with 10 s left (a pod clock 30 s ahead of the API server must not fail)', async () => {
    const warnings = collectWarnings();
    const token = serviceAccountJwt({ exp: seconds(Date.now()) + 11 });
    const { kfp, client } = await setUp(token);

    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    expect(kfp.count(token, 200)).toBe(1);
    expect(warnings.map((warning) => warning.code)).toEqual(['AUTH_SA_TOKEN_NOT_ROTATED']);
  });

  it('refuses a token that has already expired when first read, and sends nothing', async () => {
    const token = serviceAccountJwt({ exp: seconds(Date.now()) - 3600 });
    const { kfp, client } = await setUp(token);

    await expect(client.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'AUTH_SA_TOKEN_EXPIRED',
      message: expect.stringMatching(/expired at .* \(36\d\d s ago\).*The request was not sent\./),
    });
    expect(kfp.requests).toHaveLength(0);
  });

  it('uses a token that is not a JWT (no exp) until the file changes', async () => {
    const { kfp, auth, client } = await setUp('opaque-kfp-token_0123456789');

    for (let i = 0; i < 5; i += 1)
      expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);

    expect(kfp.count('opaque-kfp-token_0123456789', 200)).toBe(5);
    expect(auth.cache.peek()?.expiresAt).toBeUndefined();
    expect(auth.cache.acquisitions).toBe(1);
  });

  it('re-reads once after a 401 and returns the 401 when the file still holds the refused token', async () => {
    const token = serviceAccountJwt({ exp: seconds(Date.now()) + 7200 });
    const { kfp, auth, client } = await setUp(token, ['a-token-this-pod-does-not-have']);

    const { response, error } = await client.GET('/apis/v2beta1/healthz');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 16 });
    // Sent once; the re-read found the same token, so it was not replayed.
    expect(kfp.requests).toHaveLength(1);
    expect(auth.cache.acquisitions).toBe(2);
  });
});
