import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { KubeconfigAuthError, KubeconfigError, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { AuthError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCredential, ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

let cluster: TestCluster;
let scratch: ScratchDir;
let pluginCount = 0;

beforeAll(async () => {
  cluster = await startTestCluster();
  scratch = new ScratchDir();
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

/** A kubeconfig whose user runs `exec`, and a KFP client through the echo Service signed by it. */
function clientWith(
  exec: Record<string, unknown>,
  options: { clockSkewMs?: number; execTimeoutMs?: number } = {},
) {
  pluginCount += 1;
  const kubeconfig = scratch.kubeconfig(`exec-${pluginCount}/config`, {
    'current-context': 'test',
    clusters: [
      {
        name: 'test',
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    ],
    users: [
      {
        name: 'exec-user',
        user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', interactiveMode: 'Never', ...exec } },
      },
    ],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'exec-user' } }],
  });
  const options_ = kubeServiceProxy({
    kubeconfig,
    namespace: 'default',
    service: 'echo',
    port: 'http',
    ...options,
  });
  return { client: createKfpV2Client({ ...options_ }), auth: options_.auth };
}

/** A plugin printing `exec-token-<n>` on its n-th run; the API server accepts each token it prints. */
function countingPlugin(name: string, expiresInMs?: string, apiVersion?: string) {
  for (let n = 1; n <= 20; n += 1) cluster.api.addToken(`${name}-token-${n}-0123456789`, `${name}-user`);
  return scratch.execPlugin(
    `${name}/plugin.js`,
    printCredential({ token: `'${name}-token-' + calls + '-0123456789'`, expiresInMs, apiVersion }),
  );
}

async function statusOf(client: ReturnType<typeof clientWith>['client']): Promise<number> {
  return (await client.GET('/apis/v2beta1/healthz')).response.status;
}

function everythingPrinted(error: unknown): string {
  return [String(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)].join('\n');
}

describe('exec credential plugins', () => {
  it('runs the plugin once and keeps its credential until expirationTimestamp', async () => {
    const plugin = countingPlugin('cached', '3600_000');
    const { client } = clientWith({ command: plugin.command });
    for (let i = 0; i < 5; i += 1) expect(await statusOf(client)).toBe(200);
    expect(plugin.calls()).toBe(1);
    expect(cluster.api.requests.at(-1)?.user).toBe('cached-user');
  });

  it('shares one run among concurrent requests', async () => {
    const plugin = countingPlugin('concurrent', '3600_000');
    const { client } = clientWith({ command: plugin.command });
    const statuses = await Promise.all(Array.from({ length: 10 }, () => statusOf(client)));
    expect(statuses).toEqual(Array(10).fill(200));
    expect(plugin.calls()).toBe(1);
  });

  it('keeps a credential shorter-lived than the clock skew for most of its life, then runs the plugin again', async () => {
    // 2 s of life against a 30 s skew: a skew taken whole would re-run the plugin on every request.
    const plugin = countingPlugin('short-lived', '2000');
    const { client } = clientWith({ command: plugin.command }, { clockSkewMs: 30_000 });
    for (let i = 0; i < 5; i += 1) expect(await statusOf(client)).toBe(200);
    expect(plugin.calls()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await statusOf(client)).toBe(200);
    expect(plugin.calls()).toBe(2);
  });

  it('keeps a credential without expirationTimestamp until the server refuses it, then runs the plugin and replays', async () => {
    const plugin = countingPlugin('refused');
    const { client } = clientWith({ command: plugin.command });
    expect(await statusOf(client)).toBe(200);
    expect(await statusOf(client)).toBe(200);
    expect(plugin.calls()).toBe(1);
    cluster.api.revokeToken('refused-token-1-0123456789');
    expect(await statusOf(client)).toBe(200);
    expect(plugin.calls()).toBe(2);
    const last = cluster.api.requests.slice(-2);
    expect(last.map((request) => request.status)).toEqual([401, 200]);
  });

  it('accepts v1beta1 plugins, and passes args, env and KUBERNETES_EXEC_INFO as client-go does', async () => {
    cluster.api.addToken('beta-token-0123456789', 'beta-user');
    const plugin = scratch.execPlugin(
      'beta/plugin.js',
      `fs.writeFileSync(__filename + '.seen.json', JSON.stringify({ args: process.argv.slice(2), region: process.env.REGION, info: JSON.parse(process.env.KUBERNETES_EXEC_INFO) }));\n` +
        printCredential({
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          token: "'beta-token-0123456789'",
        }),
    );
    const { client } = clientWith({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      interactiveMode: undefined,
      command: plugin.command,
      args: ['eks', 'get-token', '--cluster-name', 'prod'],
      env: [{ name: 'REGION', value: 'eu-west-1' }],
      provideClusterInfo: true,
    });
    expect(await statusOf(client)).toBe(200);
    const seen = JSON.parse(readFileSync(`${plugin.command}.seen.json`, 'utf8'));
    expect(seen.args).toEqual(['eks', 'get-token', '--cluster-name', 'prod']);
    expect(seen.region).toBe('eu-west-1');
    // v1beta1 defaults interactiveMode to IfAvailable; the test's stdin is not a terminal, so not interactive.
    expect(seen.info).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      spec: {
        interactive: false,
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    });
  });

  it('resolves a relative command against the kubeconfig file, and looks a bare name up on PATH', async () => {
    cluster.api.addToken('relative-token-0123456789', 'relative-user');
    scratch.execPlugin(
      `exec-${pluginCount + 1}/bin/plugin.js`,
      printCredential({ token: "'relative-token-0123456789'" }),
    );
    const { client } = clientWith({ command: './bin/plugin.js' });
    expect(await statusOf(client)).toBe(200);

    const bare = clientWith({
      command: 'no-such-plugin-on-path',
      installHint: 'Install it with: brew install no-such-plugin',
    });
    const error = await bare.client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(KubeconfigAuthError);
    expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_NOT_FOUND', user: 'exec-user' });
    expect((error as Error).message).toMatch(
      /no-such-plugin-on-path .*not found on PATH.*brew install no-such-plugin/,
    );
  });

  it('fails with the exit code and redacted stderr, never what the plugin printed or was given', async () => {
    const plugin = scratch.execPlugin(
      'failing/plugin.js',
      `process.stderr.write('error: refresh failed for token: s3cr3t-refresh-token-value, key AKIAIOSFODNN7EXAMPLEKEY, bearer abc.def\\n' + process.env.CLIENT_SECRET + ' rejected\\n');\n` +
        `process.stdout.write('{"partial": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"}');\nprocess.exit(3);`,
    );
    const { client } = clientWith({
      command: plugin.command,
      env: [{ name: 'CLIENT_SECRET', value: 'hunter2-client-secret' }],
    });
    const error = await client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_FAILED' });
    const printed = everythingPrinted(error);
    expect((error as Error).message).toMatch(
      /failed with exit code 3\. Its stderr \(redacted\): error: refresh failed/,
    );
    for (const secret of [
      's3cr3t-refresh-token-value',
      'hunter2-client-secret',
      'abc.def',
      'eyJhbGciOiJIUzI1NiJ9',
    ]) {
      expect(printed).not.toContain(secret);
    }
  });

  it('refuses output that is not a usable ExecCredential without quoting it', async () => {
    const cases: Array<[string, RegExp]> = [
      ["process.stdout.write('token=abcdef')", /printed something that is not JSON/],
      [
        printCredential({ apiVersion: 'client.authentication.k8s.io/v1beta1', token: "'tok-0123456789'" }),
        /returned apiVersion client.authentication.k8s.io\/v1beta1, but the kubeconfig asks for client.authentication.k8s.io\/v1/,
      ],
      [
        "process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {} }))",
        /neither a token nor a client certificate/,
      ],
      [
        printCredential({ token: "'tok-0123456789'", expiresInMs: '-60_000' }),
        /expired at .* before it arrived/,
      ],
      [
        "process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'tok-0123456789', expirationTimestamp: 'tomorrow' } }))",
        /not an RFC 3339 time/,
      ],
    ];
    for (const [index, [body, message]] of cases.entries()) {
      const plugin = scratch.execPlugin(`invalid-${index}/plugin.js`, body);
      const { client } = clientWith({ command: plugin.command });
      const error = await client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
      expect(error, body).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_INVALID_OUTPUT' });
      expect((error as Error).message).toMatch(message);
      expect(everythingPrinted(error)).not.toContain('tok-0123456789');
    }
  });

  it('honours interactiveMode: Always needs a terminal, which a test run has not', async () => {
    const plugin = countingPlugin('always', '3600_000');
    const { client } = clientWith({ command: plugin.command, interactiveMode: 'Always' });
    const error = await client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_NEEDS_TERMINAL' });
    expect(plugin.calls()).toBe(0);
  });

  it('stops a plugin that hangs', async () => {
    const plugin = scratch.execPlugin('hanging/plugin.js', 'setInterval(() => {}, 1000);');
    const kubeconfig = scratch.kubeconfig('hanging/config', {
      'current-context': 'test',
      clusters: [{ name: 'test', cluster: { server: cluster.api.url, 'insecure-skip-tls-verify': true } }],
      users: [
        {
          name: 'u',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1',
              interactiveMode: 'Never',
              command: plugin.command,
            },
          },
        },
      ],
      contexts: [{ name: 'test', context: { cluster: 'test', user: 'u' } }],
    });
    const client = createKfpV2Client({
      ...kubeServiceProxy({
        kubeconfig,
        namespace: 'default',
        service: 'echo',
        port: 'http',
        execTimeoutMs: 300,
      }),
    });
    const error = await client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_FAILED' });
    expect((error as Error).message).toMatch(/did not finish within 300 ms/);
  });

  it('ends the plugin and what it started at the time limit, within execTimeoutMs + 500 ms', async () => {
    // The plugin starts `sleep 9` in the background, which holds its stdout open, then hangs itself.
    const plugin = scratch.execPlugin(
      'group-hang/plugin.js',
      backgroundSleep('setInterval(() => {}, 1000);'),
    );
    const { client } = clientWith({ command: plugin.command }, { execTimeoutMs: 1000 });
    const started = Date.now();
    const error = await client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_FAILED' });
    expect((error as Error).message).toMatch(/did not finish within 1000 ms/);
    await expectGone(`${plugin.command}.pids`);
  });

  it('returns the credential of a plugin that exited, without waiting for what it left running', async () => {
    const plugin = countingPlugin('group-exit', '3600_000');
    const leaving = scratch.execPlugin(
      'group-exit/leaving.js',
      backgroundSleep(
        `require('node:child_process').execFileSync(${JSON.stringify(plugin.command)}, { stdio: ['ignore', 'inherit', 'inherit'] });`,
      ),
    );
    const { client } = clientWith({ command: leaving.command }, { execTimeoutMs: 20_000 });
    const started = Date.now();
    const { response } = await client.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    await expectGone(`${leaving.command}.pids`);
  });

  it('redacts from stderr the opaque tokens it printed or gave before, however short', async () => {
    const plugin = scratch.execPlugin(
      'echoing/plugin.js',
      `if (calls === 1) { ${printCredential({ token: "'q7x'" })} process.exit(0); }\n` +
        `process.stdout.write(JSON.stringify({ status: { token: 'zz9-new' } }));\n` +
        `process.stderr.write('refresh of q7x failed; got zz9-new, giving up\\n');\nprocess.exit(2);`,
    );
    cluster.api.addToken('q7x', 'short-token-user');
    const { client, auth } = clientWith({ command: plugin.command });
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
    auth.cache?.invalidate(auth.cache.peek()!);
    const error = await client.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'AUTH_KUBECONFIG_EXEC_FAILED' });
    expect((error as Error).message).toMatch(/refresh of \[REDACTED\] failed; got \[REDACTED\], giving up/);
    expect(everythingPrinted(error)).not.toMatch(/q7x|zz9-new/);
  });

  it('checks the exec entry when the kubeconfig is loaded, naming file, context and field', () => {
    const attempt = (exec: Record<string, unknown>) => {
      try {
        clientWith(exec);
        return undefined;
      } catch (error) {
        return error as KubeconfigError;
      }
    };
    const noMode = attempt({ command: 'x', interactiveMode: undefined });
    expect(noMode).toBeInstanceOf(KubeconfigError);
    expect(noMode).toMatchObject({
      code: 'KUBECONFIG_INVALID',
      context: 'test',
      field: 'users["exec-user"].user.exec.interactiveMode',
    });
    expect(noMode?.file).toMatch(/config$/);
    expect(attempt({ command: 'x', apiVersion: 'client.authentication.k8s.io/v1alpha1' })).toMatchObject({
      code: 'KUBECONFIG_UNSUPPORTED',
      field: 'users["exec-user"].user.exec.apiVersion',
    });
    expect(attempt({ command: undefined })).toMatchObject({ field: 'users["exec-user"].user.exec.command' });
    expect(attempt({ command: 'x', env: [{ value: 'v' }] })).toMatchObject({
      field: 'users["exec-user"].user.exec.env[0].name',
    });
    expect(attempt({ command: 'x', interactiveMode: 'Sometimes' })?.message).toMatch(
      /Never, IfAvailable or Always, got "Sometimes"/,
    );
  });
});

/** Plugin code that starts `sleep 9` holding its stdout and records its own and sleep's pid beside the plugin, then runs `then`. */
function backgroundSleep(then: string): string {
  return (
    `const { spawn } = require('node:child_process');\n` +
    `const sleeper = spawn('sleep', ['9'], { stdio: ['ignore', 'inherit', 'inherit'] });\nsleeper.unref();\n` +
    `require('node:fs').writeFileSync(__filename + '.pids', JSON.stringify([process.pid, sleeper.pid]));\n` +
    `${then}\n`
  );
}

/** Every pid written to `file` is gone (reaped or not running), within a moment for the kernel to deliver SIGKILL. */
async function expectGone(file: string): Promise<void> {
  const pids = JSON.parse(readFileSync(file, 'utf8')) as number[];
  const alive = () =>
    pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
      } catch {
        return false;
      }
    });
  for (let wait = 0; wait < 20 && alive().length > 0; wait += 1) await new Promise((r) => setTimeout(r, 25));
  expect(alive()).toEqual([]);
}
