/**
 * Seldon Deploy's own OpenID Provider: a confidential client logging in with
 * the authorization code flow (loopback and out-of-band), then the password
 * grant of Seldon's `password_grant` client, each signing Seldon Deploy calls.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp, startMlp } from './mlp-process.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
let secretFile: string;

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  home = isolatedHome();
  const client = cluster.oidc.clients.authorizationCode;
  secretFile = join(home.dir, 'seldon-app-secret');
  writeFileSync(secretFile, client.clientSecret, { mode: 0o600 });
  const profile = await runMlp(
    [
      'config',
      'set-profile',
      'seldon',
      '--seldon-endpoint',
      cluster.seldonDeployUrl,
      '--auth',
      'oidc',
      '--issuer',
      cluster.oidcIssuer,
      '--client-id',
      client.clientId,
      '--client-secret-file',
      secretFile,
      '--flow',
      'loopback',
    ],
    home.env,
  );
  expect(profile.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

describe("Seldon Deploy's OIDC flows", { timeout: 120_000 }, () => {
  it('a confidential client logs in through the loopback redirect; later commands reuse its tokens', async () => {
    const before = await runMlp(['seldon', 'deployment', 'list', '-o', 'json'], { ...home.env, CI: 'true' });
    expect(before.code).toBe(7);
    expect(before.stderr).toMatch(/^mlp: AUTH_OIDC_LOGIN_REQUIRED: .*Run mlp login first/m);

    const login = startMlp(['login'], home.env);
    const [, url = ''] = await login.stderrMatching(/^\s+(http\S+)$/m);
    const redirect = await cluster.oidc.completeAuthorization(url);
    await (await fetch(redirect)).text();
    const result = await login.result;
    expect(result.stderr).toContain(`Logged in as ${cluster.oidc.users.alice.email} (oidc).`);
    expect(result.code).toBe(0);

    const list = await runMlp(['seldon', 'deployment', 'list', '-o', 'json'], { ...home.env, CI: 'true' });
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const secret = cluster.oidc.clients.authorizationCode.clientSecret;
    for (const output of [before, result, list]) expect(output.stdout + output.stderr).not.toContain(secret);
  });

  it('the same client out-of-band: the code pasted on stdin', async () => {
    const login = startMlp(['login', '--flow', 'out-of-band'], home.env);
    const [, url = ''] = await login.stderrMatching(/^\s+(http\S+)$/m);
    const redirect = await cluster.oidc.completeAuthorization(url);
    await login.stderrMatching(/Paste the authorization code/);
    login.write(`${redirect.searchParams.get('code')}\n`);
    setTimeout(() => login.kill(), 20_000).unref();
    const result = await login.result;
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(redirect.searchParams.get('code'));
  });

  it("Seldon's password_grant client, unattended", async () => {
    const client = cluster.oidc.clients.password;
    const passwordSecret = join(home.dir, 'seldon-password-client-secret');
    writeFileSync(passwordSecret, client.clientSecret, { mode: 0o600 });
    const { alice } = cluster.oidc.users;
    const list = await runMlp(
      [
        'seldon',
        'deployment',
        'list',
        '-o',
        'json',
        '--flow',
        'password',
        '--client-id',
        client.clientId,
        '--client-secret-file',
        passwordSecret,
        '--username',
        alice.username,
      ],
      { ...home.env, CI: 'true', MLP_PASSWORD: alice.password },
    );
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout + list.stderr).not.toContain(alice.password);
  });
});
