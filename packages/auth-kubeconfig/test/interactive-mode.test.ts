// interactiveMode with a real terminal: the client runs under `script` (util-linux, in Debian's
// essential bsdutils), which gives it a pseudo-terminal as standard input, as a person's shell would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCredential, ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

const require = createRequire(import.meta.url);
let cluster: TestCluster;
let scratch: ScratchDir;

beforeAll(async () => {
  cluster = await startTestCluster({ tokens: { 'tty-token-0123456789': 'tty-user' } });
  scratch = new ScratchDir();
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

/** Runs one request through the plugin in a child process, on a terminal or not; returns what the plugin saw. */
async function runWith(mode: 'Never' | 'IfAvailable' | 'Always', onTerminal: boolean) {
  const name = `${mode}-${onTerminal ? 'tty' : 'pipe'}`;
  const plugin = scratch.execPlugin(
    `${name}/plugin.js`,
    `fs.writeFileSync(__filename + '.seen.json', JSON.stringify({ interactive: JSON.parse(process.env.KUBERNETES_EXEC_INFO).spec.interactive, stdinIsTerminal: process.stdin.isTTY === true }));\n` +
      `process.stderr.write('open https://login.example.com/device and enter ABCD-EFGH\\n');\n` +
      printCredential({ token: "'tty-token-0123456789'" }),
  );
  const kubeconfig = scratch.kubeconfig(`${name}/config`, {
    'current-context': 'tty',
    clusters: [
      {
        name: 'tty',
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    ],
    users: [
      {
        name: 'tty',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            interactiveMode: mode,
            command: plugin.command,
          },
        },
      },
    ],
    contexts: [{ name: 'tty', context: { cluster: 'tty', user: 'tty' } }],
  });
  const runner = scratch.file(
    `${name}/runner.mjs`,
    [
      `const { kubeServiceProxy } = await import(${JSON.stringify(pathToFileURL(require.resolve('@ml-platform/auth-kubeconfig')).href)});`,
      `const { createKfpV2Client } = await import(${JSON.stringify(pathToFileURL(require.resolve('@ml-platform/kfp-v2')).href)});`,
      "const kfp = createKfpV2Client({ ...kubeServiceProxy({ namespace: 'default', service: 'echo', port: 'http' }) });",
      "try { const { response } = await kfp.GET('/apis/v2beta1/healthz'); console.log('STATUS ' + response.status); }",
      "catch (error) { console.log('CODE ' + error.code); }",
    ].join('\n'),
  );
  const command = onTerminal ? 'script' : process.execPath;
  const args = onTerminal ? ['-qec', `${process.execPath} ${runner}`, '/dev/null'] : [runner];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', () => resolve(text));
  });
  let seen: { interactive: boolean; stdinIsTerminal: boolean } | undefined;
  try {
    seen = JSON.parse(readFileSync(`${plugin.command}.seen.json`, 'utf8'));
  } catch {
    seen = undefined;
  }
  return { output, seen };
}

describe('interactiveMode', () => {
  it('IfAvailable on a terminal: the plugin is told it may prompt, gets the terminal, and its prompt reaches the user', async () => {
    const { output, seen } = await runWith('IfAvailable', true);
    expect(output).toContain('STATUS 200');
    expect(seen).toEqual({ interactive: true, stdinIsTerminal: true });
    expect(output).toContain('open https://login.example.com/device and enter ABCD-EFGH');
  });

  it('IfAvailable without a terminal: not interactive, no stdin, and the prompt is not shown', async () => {
    const { output, seen } = await runWith('IfAvailable', false);
    expect(output).toContain('STATUS 200');
    expect(seen).toEqual({ interactive: false, stdinIsTerminal: false });
    expect(output).not.toContain('ABCD-EFGH');
  });

  it('Never on a terminal: never interactive', async () => {
    const { output, seen } = await runWith('Never', true);
    expect(output).toContain('STATUS 200');
    expect(seen).toEqual({ interactive: false, stdinIsTerminal: false });
  });

  it('Always: runs on a terminal, and fails before running the plugin without one', async () => {
    const onTerminal = await runWith('Always', true);
    expect(onTerminal.output).toContain('STATUS 200');
    expect(onTerminal.seen).toEqual({ interactive: true, stdinIsTerminal: true });
    const withoutTerminal = await runWith('Always', false);
    expect(withoutTerminal.output).toContain('CODE AUTH_KUBECONFIG_EXEC_NEEDS_TERMINAL');
    expect(withoutTerminal.seen).toBeUndefined();
  });
});
