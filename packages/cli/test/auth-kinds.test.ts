/**
 * Every `--auth` kind end to end, unattended (no terminal, CI=true, stdin
 * closed): the spawned `mlp` against the local test bed, with real files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, type MlpResult, runMlp } from './mlp-process.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
let env: Record<string, string>;

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  home = isolatedHome();
  env = { ...home.env, CI: 'true' };
});

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

const printed = (...results: MlpResult[]) =>
  results.map((result) => result.stdout + result.stderr).join('\n');
const configText = () => readFileSync(join(home.env.XDG_CONFIG_HOME!, 'ml-platform', 'mlp.json'), 'utf8');

function runList(extra: string[], extraEnv: Record<string, string> = {}, stdin = '') {
  return runMlp(
    [...extra, 'kfp', 'run', 'list', '--namespace', cluster.namespace, '-o', 'json'],
    { ...env, ...extraEnv },
    stdin,
  );
}

describe('--auth token', { timeout: 90_000 }, () => {
  it('signs with the token in --token-file, reads it again when it changes, and never prints it', async () => {
    const file = join(home.dir, 'kfp-token');
    const first = cluster.serviceAccount.createToken();
    writeFileSync(file, `${first}\n`, { mode: 0o600 });
    const flags = ['--endpoint', cluster.kfpEndpoint, '--auth', 'token', '--token-file', file];
    const ok = await runList(flags);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);

    const second = cluster.serviceAccount.createToken();
    writeFileSync(file, second);
    expect((await runList(flags)).code).toBe(0);

    writeFileSync(file, 'not-a-token-the-gateway-knows');
    const refused = await runList(flags);
    expect(refused.code).toBe(7);
    expect(printed(ok, refused)).not.toContain(first.slice(-20));
    expect(printed(ok, refused)).not.toContain('not-a-token-the-gateway-knows');
  });

  it('takes MLP_TOKEN with a saved profile, which keeps the file path and never the token', async () => {
    const saved = await runMlp(
      ['config', 'set-profile', 'ci', '--kfp-endpoint', cluster.kfpEndpoint, '--auth', 'token'],
      env,
    );
    expect(saved.code).toBe(0);
    const token = cluster.serviceAccount.createToken();
    const ok = await runList([], { MLP_TOKEN: token });
    expect(ok.code).toBe(0);
    expect(configText()).not.toContain(token);
    const none = await runList([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^mlp: CLI_NO_SECRET: --auth token needs a token: pass --token-file/m);
  });
});

describe('--auth oidc, unattended flows', { timeout: 90_000 }, () => {
  it('client credentials: the secret from --client-secret-file, tokens cached across processes', async () => {
    const client = cluster.oidc.clients.clientCredentials;
    const secretFile = join(home.dir, 'client-secret');
    writeFileSync(secretFile, `${client.clientSecret}\n`, { mode: 0o600 });
    const saved = await runMlp(
      [
        'config',
        'set-profile',
        'robot',
        '--auth',
        'oidc',
        '--flow',
        'client-credentials',
        '--issuer',
        cluster.oidcIssuer,
        '--client-id',
        client.clientId,
        '--client-secret-file',
        secretFile,
      ],
      env,
    );
    expect(saved.code).toBe(0);
    expect(configText()).toContain(secretFile);
    expect(configText()).not.toContain(client.clientSecret);
    const before = cluster.oidc.countTokenRequests('client_credentials', 'ok');
    const first = await runMlp(['whoami', '-o', 'json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ profile: 'robot', auth: 'oidc' });
    const second = await runMlp(['whoami', '-o', 'json'], {
      ...env,
      KF_PIPELINES_ENDPOINT: cluster.kfpEndpoint,
    });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      endpoint: `${cluster.kfpEndpoint} (KF_PIPELINES_ENDPOINT)`,
    });
    // The second process used the token the first one cached.
    expect(cluster.oidc.countTokenRequests('client_credentials', 'ok')).toBe(before + 1);
    expect(printed(saved, first, second)).not.toContain(client.clientSecret);
  });

  it('client credentials: a wrong MLP_OIDC_CLIENT_SECRET exits 7 without printing it', async () => {
    const wrong = 'wrong secret /+&=~!*\'()"<>\\ % ü';
    const result = await runMlp(
      [
        'whoami',
        '--auth',
        'oidc',
        '--flow',
        'client-credentials',
        '--issuer',
        cluster.oidcIssuer,
        '--client-id',
        cluster.oidc.clients.clientCredentialsPost.clientId,
      ],
      { ...env, MLP_OIDC_CLIENT_SECRET: wrong, XDG_CONFIG_HOME: join(home.dir, 'other-config') },
    );
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/^mlp: AUTH_OIDC_[A-Z_]+: /m);
    for (const form of [wrong, encodeURIComponent(wrong), Buffer.from(wrong).toString('base64')]) {
      expect(result.stderr).not.toContain(form);
    }
  });

  it('password: the password from MLP_PASSWORD or stdin, a confidential client, KFP signed with the ID token', async () => {
    const client = cluster.oidc.clients.password;
    const { alice } = cluster.oidc.users;
    const secretFile = join(home.dir, 'seldon-secret');
    writeFileSync(secretFile, client.clientSecret, { mode: 0o600 });
    const flags = [
      '--endpoint',
      cluster.kfpEndpoint,
      '--auth',
      'oidc',
      '--flow',
      'password',
      '--issuer',
      cluster.oidcIssuer,
      '--client-id',
      client.clientId,
      '--client-secret-file',
      secretFile,
      '--username',
      alice.username,
    ];
    const fromEnv = await runList(flags, { MLP_PASSWORD: alice.password });
    expect(fromEnv.stderr).toBe('');
    expect(fromEnv.code).toBe(0);
    const fromStdin = await runList(
      flags,
      { XDG_CONFIG_HOME: join(home.dir, 'fresh') },
      `${alice.password}\n`,
    );
    expect(fromStdin.code).toBe(0);
    expect(printed(fromEnv, fromStdin)).not.toContain(alice.password);
  });
});

describe('--auth dex', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const saved = await runMlp(
      [
        'config',
        'set-profile',
        'dex',
        '--kfp-endpoint',
        cluster.kfpEndpoint,
        '--auth',
        'dex',
        '--username',
        cluster.credentials.dex.username,
      ],
      env,
    );
    expect(saved.code).toBe(0);
  });

  it('logs in once; every command then uses the saved session without a password', async () => {
    const { password } = cluster.credentials.dex;
    const login = await runMlp(['login'], env, `${password}\n`);
    expect(login.code).toBe(0);
    const logins = cluster.gateway.dexLogins;
    for (let i = 0; i < 2; i += 1) {
      const result = await runList([]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(cluster.gateway.dexLogins).toBe(logins);
  });

  it('when the session has expired: exits 7 saying to run mlp login, or logs in with MLP_PASSWORD', async () => {
    const { password } = cluster.credentials.dex;
    cluster.gateway.expireSessions();
    const refused = await runList([]);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toMatch(/^mlp: CLI_LOGIN_REQUIRED: .*Run mlp login/m);
    // One process posts a password once; it promises no cooldown that other mlp processes would not keep.
    const wrong = await runList([], { MLP_PASSWORD: 'wrong-password-1' });
    expect(wrong.code).toBe(7);
    expect(wrong.stderr).toMatch(/^mlp: AUTH_DEX_BAD_CREDENTIALS: /m);
    expect(wrong.stderr).not.toMatch(/Not sending the same password again|cooldown/);
    const again = await runList([], { MLP_PASSWORD: password });
    expect(again.code).toBe(0);
    expect((await runList([])).code).toBe(0);
    expect(printed(refused, again)).not.toContain(password);
  });

  it('checks the command line before any login: a bad argument exits 2 without asking', async () => {
    cluster.gateway.expireSessions();
    const logins = cluster.gateway.dexLogins;
    const result = await runMlp(
      ['kfp', 'run', 'list', '--namespace', cluster.namespace, '--max-size', 'many'],
      { ...env, MLP_PASSWORD: cluster.credentials.dex.password },
    );
    expect(result.code).toBe(2);
    expect(cluster.gateway.dexLogins).toBe(logins);
  });
});

describe('--auth kubeconfig', { timeout: 90_000 }, () => {
  it("reaches KFP through the API server's service proxy as the kubeconfig's user", async () => {
    const flags = ['--auth', 'kubeconfig', '--kubeconfig', cluster.kubernetes.kubeconfigPath];
    const runs = await runMlp(['kfp', 'run', 'list', '-o', 'json', ...flags], env);
    expect(runs.stderr).toBe('');
    expect(runs.code).toBe(0);
    const whoami = await runMlp(['whoami', '-o', 'json', ...flags], env);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      auth: 'kubeconfig',
      endpoint: `${cluster.kubernetes.apiServer.url}/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy`,
    });
  });

  it('exits 2 for a malformed --kube-service, a missing kubeconfig, or an --endpoint beside it', async () => {
    const bad = await runMlp(
      [
        'kfp',
        'run',
        'list',
        '--auth',
        'kubeconfig',
        '--kubeconfig',
        cluster.kubernetes.kubeconfigPath,
        '--kube-service',
        'ml-pipeline',
      ],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kube-service takes namespace\/name:port/);
    const missing = await runMlp(
      ['kfp', 'run', 'list', '--auth', 'kubeconfig', '--kubeconfig', join(home.dir, 'no-such-kubeconfig')],
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^mlp: KUBECONFIG_NOT_FOUND: /m);
    const both = await runMlp(
      ['kfp', 'run', 'list', '--auth', 'kubeconfig', '--endpoint', cluster.kfpEndpoint],
      env,
    );
    expect(both.code).toBe(2);
  });
});
