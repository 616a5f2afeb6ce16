import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { serviceAccountTokenAuth } from '@ml-platform/auth-sa-token';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KfpAuthEmulator, startKfpAuthEmulator } from './support/kfp-auth-emulator.js';
import { freshServiceAccountJwt } from './support/service-account-jwt.js';

let kfp: KfpAuthEmulator;
let scratch: string;
let tokenPath: string;
const token = freshServiceAccountJwt(3600);
beforeAll(async () => {
  kfp = await startKfpAuthEmulator([token]);
  scratch = await mkdtemp(join(tmpdir(), 'sa-token-contract-'));
  tokenPath = join(scratch, 'token');
  await writeFile(tokenPath, `${token}\n`);
});
afterAll(async () => {
  await kfp.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('options are checked with core’s helper', () => {
  it('an unknown option says which one was meant, prefixed with the package name', () => {
    const create = () => serviceAccountTokenAuth({ pth: tokenPath } as never);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(/^\[@ml-platform\/auth-sa-token\] unknown option pth \(did you mean path\?\)/);
  });

  it('a string where the options belong says so', () => {
    expect(() => serviceAccountTokenAuth(tokenPath as never)).toThrow(
      /\[@ml-platform\/auth-sa-token\] options must be an object such as \{ path: .*got a string/,
    );
  });
});

describe('diagnostics', () => {
  it('counts token reads and shows the token’s expiry, never the token', async () => {
    const auth = serviceAccountTokenAuth({ path: tokenPath, watch: false });
    try {
      expect(auth.diagnostics()).toEqual({ acquisitions: 0, hasCredential: false, expiresAt: undefined });
      const client = createKfpV2Client({ baseUrl: kfp.url, auth });
      await client.GET('/apis/v2beta1/healthz');
      await client.GET('/apis/v2beta1/healthz');
      const diagnostics = auth.diagnostics();
      expect(diagnostics).toMatchObject({ acquisitions: 1, hasCredential: true });
      const exp = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).exp as number;
      expect(diagnostics.expiresAt?.getTime()).toBe(exp * 1000);
      expect(`${JSON.stringify(diagnostics)} ${inspect(diagnostics)}`).not.toContain(token);
    } finally {
      auth.close();
    }
  });
});
