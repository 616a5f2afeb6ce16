import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp, startMlp } from './mlp-process.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  home = isolatedHome();
});

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

describe('mlp login with Dex static credentials', { timeout: 90_000 }, () => {
  let profile: Awaited<ReturnType<typeof runMlp>>;
  beforeAll(async () => {
    const { username } = cluster.credentials.dex;
    profile = await runMlp(
      [
        'config',
        'set-profile',
        'dex',
        '--kfp-endpoint',
        cluster.kfpEndpoint,
        '--auth',
        'dex',
        '--username',
        username,
      ],
      home.env,
    );
    expect(profile.code).toBe(0);
  });

  it('reads the password from stdin, keeps the session in a 0600 file and never prints the password', async () => {
    const { username, password } = cluster.credentials.dex;

    const login = await runMlp(['login'], home.env, `${password}\n`);
    expect(login.stderr).toContain(`Logged in as ${username} (dex).`);
    expect(login.code).toBe(0);
    const session = join(home.env.XDG_CONFIG_HOME!, 'ml-platform', 'dex-sessions', 'dex.json');
    expect(statSync(session).mode & 0o777).toBe(0o600);

    const whoami = await runMlp(['whoami', '-o', 'json'], home.env);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      profile: 'dex',
      auth: 'dex',
      user: username,
      session: 'saved',
    });

    const runs = await runMlp(
      ['kfp', 'run', 'list', '--namespace', cluster.namespace, '-o', 'json'],
      home.env,
      `${password}\n`,
    );
    expect(runs.code).toBe(0);
    expect(JSON.parse(runs.stdout)).toEqual([]);

    const logout = await runMlp(['logout'], home.env);
    expect(logout.code).toBe(0);
    expect(() => statSync(session)).toThrow();
    for (const output of [profile, login, whoami, runs, logout]) {
      expect(output.stdout + output.stderr).not.toContain(password);
    }
  });

  it('--debug logs the login flow and the API calls without the password', async () => {
    const { password } = cluster.credentials.dex;
    const result = await runMlp(
      ['kfp', 'run', 'list', '--namespace', cluster.namespace, '--debug', '-o', 'json'],
      home.env,
      `${password}\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^mlp: debug: .*login: POST http:\/\/127\.0\.0\.1:\d+\/dex\//m);
    expect(result.stderr).toMatch(
      /^mlp: debug: <- 200 GET http:\/\/127\.0\.0\.1:\d+\/pipeline\/apis\/v2beta1\/runs/m,
    );
    expect(result.stderr).not.toContain(password);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('exits 7 with the plugin code for a wrong password, and does not echo it', async () => {
    const wrong = 'not-the-password-123';
    const login = await runMlp(['login'], home.env, `${wrong}\n`);
    expect(login.code).toBe(7);
    expect(login.stderr).toMatch(/^mlp: AUTH_DEX_[A-Z_]+: /m);
    expect(login.stderr).not.toContain(wrong);
  });

  it('exits 2 when stdin has no password', async () => {
    const login = await runMlp(['login'], home.env, '');
    expect(login.code).toBe(2);
    expect(login.stderr).toMatch(/^mlp: CLI_NO_PASSWORD: No password: set MLP_PASSWORD, pipe it in/m);
  });
});

describe('mlp login with OIDC', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const setup = await runMlp(
      [
        'config',
        'set-profile',
        'sso',
        '--kfp-endpoint',
        cluster.kfpEndpoint,
        '--auth',
        'oidc',
        '--issuer',
        cluster.oidcIssuer,
        '--client-id',
        cluster.oidc.clients.kubeflowSdk.clientId,
        '--flow',
        'device-code',
      ],
      home.env,
    );
    expect(setup.code).toBe(0);
  });

  it('logs in with the device code flow, then signs KFP requests with the cached ID token', async () => {
    const before = await runMlp(['kfp', 'run', 'list', '--namespace', cluster.namespace], home.env);
    expect(before.code).toBe(7);
    expect(before.stderr).toMatch(/^mlp: AUTH_OIDC_LOGIN_REQUIRED: /m);

    const login = startMlp(['login'], home.env);
    const [, userCode = ''] = await login.stderrMatching(/enter the code (\S+)/);
    await cluster.oidc.approveDevice(userCode);
    const result = await login.result;
    expect(result.stderr).toContain(`Logged in as ${cluster.oidc.users.alice.email} (oidc).`);
    expect(result.code).toBe(0);

    const runs = await runMlp(
      ['kfp', 'run', 'list', '--namespace', cluster.namespace, '-o', 'json'],
      home.env,
    );
    expect(runs.stderr).toBe('');
    expect(runs.code).toBe(0);
    const whoami = await runMlp(['whoami', '-o', 'json'], home.env);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      auth: 'oidc',
      user: cluster.oidc.users.alice.email,
      issuer: cluster.oidcIssuer,
    });

    expect((await runMlp(['logout'], home.env)).code).toBe(0);
    const after = await runMlp(['kfp', 'run', 'list', '--namespace', cluster.namespace], home.env);
    expect(after.code).toBe(7);
  });

  it('logs in through the loopback redirect', async () => {
    const login = startMlp(['login', '--flow', 'loopback'], home.env);
    const [, url = ''] = await login.stderrMatching(/^\s+(http\S+)$/m);
    const redirect = await cluster.oidc.completeAuthorization(url);
    expect(redirect.hostname).toBe('127.0.0.1');
    await (await fetch(redirect)).text();
    const result = await login.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Logged in as');
  });

  it('logs in out-of-band: the code pasted on stdin', async () => {
    const login = startMlp(['login', '--flow', 'out-of-band'], home.env);
    const [, url = ''] = await login.stderrMatching(/^\s+(http\S+)$/m);
    const redirect = await cluster.oidc.completeAuthorization(url);
    await login.stderrMatching(/Paste the authorization code/);
    login.write(`${redirect.searchParams.get('code')}\n`);
    setTimeout(() => login.kill(), 10_000).unref();
    const result = await login.result;
    expect(result.stderr).toContain('Logged in as');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(redirect.searchParams.get('code'));
  });
});
