/**
 * The local cluster as users start it: the gateway with the stateful KFP API
 * behind it, the rotating projected token, and the CLI that keeps it running
 * until Ctrl-C and leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalCluster, processesWithEnv, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
let cluster: LocalCluster;

beforeAll(async () => {
  cluster = await startLocalCluster({
    mocks: 'lazy',
    tokenRotationMs: 150,
    runTiming: { pendingMs: 50, runningMs: 100 },
  });
});

afterAll(async () => {
  await cluster?.stop();
});

const healthz = (token: string) =>
  fetch(`${cluster.kfpEndpoint}/apis/v2beta1/healthz`, { headers: { authorization: `Bearer ${token}` } });

describe('the local cluster', () => {
  it('projects a ServiceAccount token in the kubelet layout and rotates it; each token is accepted', async () => {
    const { dir, tokenPath } = cluster.serviceAccount.volume;
    expect(lstatSync(tokenPath).isSymbolicLink()).toBe(true);
    expect(readlinkSync(tokenPath)).toBe(join('..data', 'token'));
    const first = readFileSync(tokenPath, 'utf8');
    expect((await healthz(first)).status).toBe(200);

    const start = cluster.serviceAccount.volume.rotations;
    while (cluster.serviceAccount.volume.rotations < start + 2)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const second = readFileSync(tokenPath, 'utf8');
    expect(second).not.toBe(first);
    expect((await healthz(second)).status).toBe(200);
    // The old token is still valid until its exp, as in a cluster.
    expect((await healthz(first)).status).toBe(200);
    const timestamped = readdirSync(dir).filter((name) => /^\.\.\d{4}_/.test(name));
    expect(timestamped).toHaveLength(1);
    expect(statSync(join(dir, '..data')).isDirectory()).toBe(true);

    const users = cluster.gateway.log.entries.map((entry) => entry.identity?.user).filter(Boolean);
    expect(new Set(users)).toEqual(new Set([cluster.serviceAccount.user]));
  });

  it('gives code everything it needs as environment variables', () => {
    const env = cluster.env();
    expect(Object.keys(env).sort()).toEqual(
      [
        'KFP_NAMESPACE',
        'KFP_TOKEN',
        'KF_PIPELINES_ENDPOINT',
        'KF_PIPELINES_SA_TOKEN_PATH',
        'KUBECONFIG',
        'KUBEFLOW_ENDPOINT',
        'KUBEFLOW_PASSWORD',
        'KUBEFLOW_USERNAME',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
        'OIDC_ISSUER',
        'OIDC_PASSWORD',
        'OIDC_USERNAME',
        'SELDON_DEPLOY_URL',
        'SELDON_NAMESPACE',
      ].sort(),
    );
    expect(env.KF_PIPELINES_ENDPOINT).toBe(`${cluster.url}/pipeline`);
    expect(env.KUBECONFIG).toBe(cluster.kubernetes.kubeconfigPath);
  });

  it("writes a kubeconfig only its user can read, whose client certificate the API server accepts for ml-pipeline's proxy", async () => {
    const path = cluster.kubernetes.kubeconfigPath;
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const config = parse(readFileSync(path, 'utf8'));
    const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');
    const { cluster: entry } = config.clusters[0];
    const { user } = config.users[0];
    expect(config['current-context']).toBe('testbed');
    expect(entry.server).toBe(cluster.kubernetes.apiServer.url);
    const status = await new Promise<number>((resolve, reject) => {
      const call = httpsRequest(
        `${entry.server}/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy/apis/v2beta1/healthz`,
        {
          ca: decode(entry['certificate-authority-data']),
          cert: decode(user['client-certificate-data']),
          key: decode(user['client-key-data']),
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      call.on('error', reject);
      call.end();
    });
    expect(status).toBe(200);
    expect(cluster.kubernetes.apiServer.requests.at(-1)).toMatchObject({
      user: 'kubernetes-admin',
      via: 'x509',
    });
  });
});

describe('the test bed CLI', () => {
  it.each([
    ['Ctrl-C', 'SIGINT', 130, 'no file'],
    ['SIGTERM', 'SIGTERM', 143, 'a file others could read'],
  ] as const)(
    'writes an env file only its user can read, prints no secret and on %s stops, removes the file and says so, leaving no process',
    async (_, signal, exitCode, before) => {
      const work = mkdtempSync(join(tmpdir(), 'testbed-cli-'));
      const envFile = join(work, '.env.testbed');
      // An env file left from earlier, readable by others: replaced by a private one, not written through.
      if (before === 'a file others could read') writeFileSync(envFile, 'OLD=1\n', { mode: 0o644 });
      const marker = randomUUID();
      const cli = require.resolve('@ml-platform/testbed/cluster/cli');
      const child = spawn(process.execPath, [cli, '--write-env', envFile], {
        env: { ...process.env, ML_PLATFORM_TESTBED_TEST_RUN: marker },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`not ready:\n${output}`)), 45_000);
          child.stdout.on('data', () => {
            if (output.includes('Local cluster ready')) {
              clearTimeout(timer);
              resolve();
            }
          });
          void exited.then((code) => reject(new Error(`exited early with ${code} (${cli}):\n${output}`)));
        });
        expect(statSync(envFile).mode & 0o777).toBe(0o600);
        const values = Object.fromEntries(
          readFileSync(envFile, 'utf8')
            .trim()
            .split('\n')
            .map((line) => [
              line.slice(0, line.indexOf('=')),
              line.slice(line.indexOf('=') + 1).replace(/^'|'$/g, ''),
            ]),
        );
        expect(output).toContain(values.KF_PIPELINES_ENDPOINT);
        for (const secret of ['KFP_TOKEN', 'KUBEFLOW_PASSWORD', 'OIDC_CLIENT_SECRET', 'OIDC_PASSWORD']) {
          expect(output).not.toContain(values[secret]);
        }
        expect(processesWithEnv('ML_PLATFORM_TESTBED_TEST_RUN', marker).length).toBeGreaterThan(1);

        child.kill(signal);
        expect(await exited).toBe(exitCode);
        // The env file holds test credentials: gone once the cluster they belong to is.
        expect(existsSync(envFile)).toBe(false);
        expect(output).toContain(`Local cluster stopped; removed ${envFile}.`);
        const deadline = Date.now() + 5000;
        while (processesWithEnv('ML_PLATFORM_TESTBED_TEST_RUN', marker).length > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(processesWithEnv('ML_PLATFORM_TESTBED_TEST_RUN', marker)).toEqual([]);
        expect(existsSync(values.KF_PIPELINES_SA_TOKEN_PATH ?? '')).toBe(false);
        expect(existsSync(values.KUBECONFIG ?? '')).toBe(false);
      } finally {
        child.kill('SIGKILL');
        rmSync(work, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
