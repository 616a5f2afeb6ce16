/**
 * `npm run demo` as a user runs it: a child process, judged by its exit code,
 * the lines that say what each step did, the absence of every credential in
 * its output, and no process of its own left running afterwards (found by an
 * environment marker every descendant inherits), also after Ctrl-C and after
 * a failing script.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEX_USER, processesWithEnv } from '@ml-platform/testbed';
import { TEST_USERS } from '@ml-platform/testbed/oidc/index';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'examples', 'dist', 'demo', 'main.js');
const MARKER = 'ML_PLATFORM_DEMO_TEST_RUN';

interface Demo {
  child: ChildProcess;
  marker: string;
  output(): string;
  exited: Promise<number | null>;
}

const started: Demo[] = [];

function startDemo(command: string, args: string[]): Demo {
  const marker = randomUUID();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, [MARKER]: marker, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const demo = { child, marker, output: () => output, exited };
  started.push(demo);
  return demo;
}

async function leftovers(marker: string): Promise<number[]> {
  // Give processes that were just told to stop a moment to go.
  const deadline = Date.now() + 5000;
  while (processesWithEnv(MARKER, marker).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processesWithEnv(MARKER, marker);
}

function expectNoSecrets(output: string): void {
  expect(output).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./); // a JWT (ServiceAccount, ID token)
  expect(output).not.toMatch(/secret-[\w-]{12,}/); // the OpenID Provider's client secrets
  expect(output).not.toContain('oauth2_proxy_kubeflow='); // the session cookie
  expect(output).not.toMatch(/PRIVATE KEY|LS0tLS1CRUdJTi/); // the kubeconfig's client key, as PEM or base64
  for (const password of [DEFAULT_DEX_USER.password, TEST_USERS.alice.password, TEST_USERS.bob.password]) {
    expect(output).not.toContain(password);
  }
}

afterEach(() => {
  for (const demo of started.splice(0)) demo.child.kill('SIGKILL');
});

describe('npm run demo', () => {
  it('runs every example against the test bed, says what each step did and stops everything', async () => {
    const demo = startDemo('npm', ['run', '--silent', 'demo']);
    const code = await demo.exited;
    const output = demo.output();
    expect(code, output).toBe(0);
    for (const line of [
      'ready in',
      '1/7 The gateway refuses requests without valid credentials',
      'KFP, no credentials                      -> 401 (oauth2-proxy: no session)',
      '-> 401 (Jwt verification fails)',
      '-> 403 (RBAC: access denied)',
      'KFP v1beta1 API answered healthz: multi-user mode on',
      'Pipeline hello-world is uploaded',
      'listed in kubeflow-user-example-com: hello-world',
      'run is RUNNING',
      'Run finished: SUCCEEDED',
      'task evaluate FAILED: task evaluate failed',
      'its log ends: ValueError: the validation set has no rows with a label',
      'metrics of train[2]: accuracy=0.820 loss=0.480',
      'Experiment examples',
      'Logged in 1 time(s)',
      'with an oauth2-proxy session cookie, as user@example.com',
      'SeldonDeployment(s) in seldon',
      "with an OIDC ID token (checked against the provider's JWKS), as alice@example.com",
      'Context testbed: signing as testbed-admin (client certificate)',
      "Through the API server's service proxy: /api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy",
      'authenticated with a client certificate (mutual TLS), as kubernetes-admin; none refused',
      '✓ All 6 examples ran against the test bed',
      'nothing is left running',
    ]) {
      expect(output).toContain(line);
    }
    expect(output).toMatch(/\d+ different ones as it rotated/);
    expect(output).not.toContain('oidc-provider WARNING');
    expect(output).not.toContain('✗');
    expectNoSecrets(output);
    expect(await leftovers(demo.marker)).toEqual([]);
    // Six examples, one of which waits for a run and reads its logs and ML Metadata.
  }, 120_000);

  it('stops everything on Ctrl-C, even in the middle of starting', async () => {
    const demo = startDemo(process.execPath, [DEMO]);
    await new Promise<void>((resolve) => {
      const check = () => demo.output().includes('Starting the test bed') && resolve();
      demo.child.stdout?.on('data', check);
    });
    // Long enough for Prism to be starting, too soon for it to be ready.
    await new Promise((resolve) => setTimeout(resolve, 500));
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(130);
    expect(demo.output()).toContain('SIGINT: stopping the test bed');
    expect(await leftovers(demo.marker)).toEqual([]);
  }, 60_000);

  it('runs your own scripts against the test bed and fails, cleanly, when one fails', async () => {
    const work = mkdtempSync(join(tmpdir(), 'demo-script-'));
    try {
      const script = join(work, 'my-script.mjs');
      writeFileSync(
        script,
        [
          "const response = await fetch(process.env.KF_PIPELINES_ENDPOINT + '/apis/v2beta1/healthz');",
          "console.log('unauthenticated healthz: ' + response.status);",
          "throw new Error('my script failed');",
        ].join('\n'),
      );
      const demo = startDemo(process.execPath, [DEMO, script]);
      expect(await demo.exited).toBe(1);
      const output = demo.output();
      expect(output).toContain('1/1 Your script');
      expect(output).toContain('unauthenticated healthz: 401');
      expect(output).toContain('my script failed');
      expect(output).toMatch(/✗ .*my-script\.mjs exited with code 1/);
      expect(output).toContain('nothing is left running');
      expectNoSecrets(output);
      expect(await leftovers(demo.marker)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
