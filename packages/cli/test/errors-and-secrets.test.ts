/**
 * Exit codes that tell auth failures from network failures, messages in the
 * CLI's own terms, and secrets that never reach the terminal in any
 * encoding: the spawned `mlp` against real servers on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  type LocalCluster,
  startHttpServer,
  startLocalCluster,
  type TestHttpServer,
} from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
let env: Record<string, string>;
const servers: TestHttpServer[] = [];

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  home = isolatedHome();
  env = { ...home.env, CI: 'true' };
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await cluster?.stop();
  home?.remove();
});

/** Every form a secret may take in text: as sent, percent- and form-encoded, JSON-escaped, base64 and base64url. */
function encodingsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

describe('exit codes', { timeout: 90_000 }, () => {
  it('an HTML login page where JSON was expected is an auth failure: exit 7', async () => {
    // oidc-authservice answers a request without a session with a redirect to its login page (HTML).
    const gateway = await startHttpServer((request, response) => {
      if (request.url.startsWith('/login')) {
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><form action="/login"></form></html>');
      } else {
        response.writeHead(302, { location: '/login?next=%2F' }).end();
      }
    });
    servers.push(gateway);
    const result = await runMlp(
      ['kfp', 'run', 'list', '--endpoint', `${gateway.url}/pipeline`, '--auth', 'none'],
      env,
    );
    expect(result.stderr).toMatch(/^mlp: API_HTML_RESPONSE: /m);
    expect(result.code).toBe(7);
  });

  it('an unreachable endpoint under a Dex profile is a network failure: exit 6', async () => {
    const port = await freePort();
    const result = await runMlp(
      [
        'kfp',
        'run',
        'list',
        '--endpoint',
        `http://127.0.0.1:${port}/pipeline`,
        '--auth',
        'dex',
        '--username',
        'u@example.com',
      ],
      { ...env, MLP_PASSWORD: 'any-password-1' },
    );
    expect(result.stderr).toMatch(/^mlp: AUTH_DEX_REQUEST_FAILED: .*ECONNREFUSED/m);
    expect(result.code).toBe(6);
  });

  it('speaks of flags, not library options, when no credential was given', async () => {
    const result = await runMlp(
      ['kfp', 'run', 'list', '--endpoint', cluster.kfpEndpoint, '--auth', 'none'],
      env,
    );
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/Choose how mlp signs requests: --auth token\|oidc\|dex\|kubeconfig/);
    expect(result.stderr).not.toMatch(/client's auth option|baseUrl/);
  });

  it("explains Istio's 403 RBAC: access denied with the identity mlp signed as", async () => {
    const tokenFile = join(home.dir, 'sa-token');
    writeFileSync(tokenFile, cluster.serviceAccount.createToken(), { mode: 0o600 });
    // Seldon Deploy's route takes its OIDC provider's tokens only; a ServiceAccount token is refused by policy.
    const result = await runMlp(
      [
        'seldon',
        'deployment',
        'list',
        '--endpoint',
        cluster.seldonDeployUrl,
        '--auth',
        'token',
        '--token-file',
        tokenFile,
      ],
      env,
    );
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/RBAC: access denied/);
    expect(result.stderr).toContain(
      `refused the identity mlp signed with: --auth token (token file ${tokenFile})`,
    );
  });
});

describe('--debug', { timeout: 90_000 }, () => {
  it('times every response, also when the auth plugin replaced the request (Dex)', async () => {
    const { username, password } = cluster.credentials.dex;
    const result = await runMlp(
      [
        'kfp',
        'run',
        'list',
        '--namespace',
        cluster.namespace,
        '--endpoint',
        cluster.kfpEndpoint,
        '--auth',
        'dex',
        '--username',
        username,
        '--debug',
      ],
      { ...env, XDG_CONFIG_HOME: join(home.dir, 'debug-config'), MLP_PASSWORD: password },
    );
    expect(result.code).toBe(0);
    const responses = result.stderr.split('\n').filter((line) => line.startsWith('mlp: debug: <- '));
    expect(responses.length).toBeGreaterThan(0);
    for (const line of responses) expect(line).toMatch(/ \(\d+ ms\)$/);
    expect(result.stderr).not.toContain(password);
  });

  it('times a request that got no answer', async () => {
    const port = await freePort();
    const result = await runMlp(
      ['kfp', 'run', 'list', '--endpoint', `http://127.0.0.1:${port}/pipeline`, '--auth', 'none', '--debug'],
      env,
    );
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(
      /^mlp: debug: <- failed GET http:\/\/127\.0\.0\.1:\d+\/pipeline\/apis\/v2beta1\/runs\S* \(\d+ ms\)$/m,
    );
  });
});

describe('secrets', { timeout: 90_000 }, () => {
  const secret = `tok en/+&=~!*'()"<>\\%-${Date.now()}`;

  it('never prints a token the server echoes back, in any encoding', async () => {
    // A server that quotes the credential it got in its error, in every encoding at once.
    const echo = await startHttpServer((request, response) => {
      const sent = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
      const body = JSON.stringify({ code: 16, message: `refused ${encodingsOf(sent).join(' | ')}` });
      response.writeHead(401, { 'content-type': 'application/json' }).end(body);
    });
    servers.push(echo);
    const result = await runMlp(
      ['kfp', 'run', 'list', '--endpoint', `${echo.url}/pipeline`, '--auth', 'token', '--debug'],
      { ...env, MLP_TOKEN: secret },
    );
    expect(echo.requests.length).toBeGreaterThan(0);
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/refused/);
    for (const form of encodingsOf(secret)) expect(result.stdout + result.stderr).not.toContain(form);
  });

  it('never echoes a token that cannot be sent (non-ASCII), nor a --name=value of an unknown flag', async () => {
    const nonAscii = `jeton-${Date.now()}-ü€`;
    const refused = await runMlp(
      ['kfp', 'run', 'list', '--endpoint', cluster.kfpEndpoint, '--auth', 'token'],
      { ...env, MLP_TOKEN: nonAscii },
    );
    expect(refused.code).toBe(2);
    for (const form of encodingsOf(nonAscii)) expect(refused.stderr).not.toContain(form);

    const typed = await runMlp(['kfp', 'run', 'list', `--token=${secret}`], env);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/unknown option '--token=\.\.\.'/);
    for (const form of encodingsOf(secret)) expect(typed.stderr).not.toContain(form);
  });

  it('never prints a password or client secret with spaces, symbols and non-ASCII', async () => {
    const password = `pass word/+&=~!*'()"<>\\%-ü€-${Date.now()}`;
    const clientSecret = `cli ent/+&=~!*'()"<>\\%-ü€-${Date.now()}`;
    const secretFile = join(home.dir, 'odd-secret');
    writeFileSync(secretFile, clientSecret, { mode: 0o600 });
    const result = await runMlp(
      [
        'kfp',
        'run',
        'list',
        '--endpoint',
        cluster.kfpEndpoint,
        '--auth',
        'oidc',
        '--flow',
        'password',
        '--issuer',
        cluster.oidcIssuer,
        '--client-id',
        cluster.oidc.clients.password.clientId,
        '--client-secret-file',
        secretFile,
        '--username',
        cluster.oidc.users.alice.username,
        '--debug',
      ],
      { ...env, MLP_PASSWORD: password },
    );
    expect(result.code).toBe(7);
    for (const form of [...encodingsOf(password), ...encodingsOf(clientSecret)]) {
      expect(result.stdout + result.stderr).not.toContain(form);
    }
  });
});
