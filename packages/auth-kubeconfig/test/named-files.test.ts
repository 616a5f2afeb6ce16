import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeconfigError, kubeconfigAuth } from '@ml-platform/auth-kubeconfig';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';

// Every file a kubeconfig names, and the kubeconfig files themselves, are read only when they are regular files
// of bounded size: a FIFO would block forever and /dev/zero would be read until memory runs out.
let scratch: ScratchDir;
let fifo: string;

beforeAll(() => {
  scratch = new ScratchDir();
  fifo = join(scratch.path, 'a-fifo');
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => scratch.remove());

function kubeconfigWith(
  name: string,
  cluster: Record<string, unknown>,
  user: Record<string, unknown>,
): string {
  return scratch.kubeconfig(`${name}/config`, {
    'current-context': 'x',
    clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:6443', ...cluster } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
  });
}

function loadError(kubeconfig: string | string[]): KubeconfigError {
  try {
    kubeconfigAuth({ kubeconfig, env: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(KubeconfigError);
    return error as KubeconfigError;
  }
  throw new Error('expected a KubeconfigError');
}

describe('files a kubeconfig names', () => {
  it.each([
    ['certificate-authority', '/dev/zero', 'FILE_NOT_REGULAR'],
    ['certificate-authority', 'FIFO', 'FILE_NOT_REGULAR'],
    ['certificate-authority', 'BIG', 'FILE_TOO_LARGE'],
    ['client-certificate', 'FIFO', 'FILE_NOT_REGULAR'],
    ['client-key', '/dev/zero', 'FILE_NOT_REGULAR'],
  ])('refuses %s naming %s (%s) without blocking, naming the file and the field', (field, target, code) => {
    const path =
      target === 'FIFO'
        ? fifo
        : target === 'BIG'
          ? scratch.file('big.crt', `-----BEGIN CERTIFICATE-----\n${'A'.repeat(2 * 1024 * 1024)}\n`)
          : target;
    const isUser = field !== 'certificate-authority';
    const kubeconfig = kubeconfigWith(
      `${field}-${code}`,
      isUser ? {} : { [field]: path },
      isUser ? { 'client-certificate': path, 'client-key': path } : { token: 'tok-0123456789' },
    );
    const error = loadError(kubeconfig);
    expect(error.code).toBe('KUBECONFIG_UNREADABLE');
    expect(error.cause).toMatchObject({ code, path, field: isUser ? 'client-certificate' : field });
    expect(error.message).toContain(path);
    expect(error.field).toBe(
      `${isUser ? 'users["u"].user' : 'clusters["c"].cluster'}.${isUser ? 'client-certificate' : field}`,
    );
  });

  it('refuses a tokenFile that is a FIFO at the first request, without blocking or sending', async () => {
    const kubeconfig = kubeconfigWith(
      'token-fifo',
      { 'insecure-skip-tls-verify': true },
      { tokenFile: fifo },
    );
    const auth = kubeconfigAuth({ kubeconfig, env: {} });
    const client = createKfpV2Client({ baseUrl: auth.server, auth, tls: auth.tls });
    await expect(client.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'AUTH_KUBECONFIG_TOKEN_FILE',
      cause: { code: 'FILE_NOT_REGULAR', field: 'tokenFile' },
    });
  });
});

describe('the kubeconfig files themselves', () => {
  it('refuses a FIFO or a device given as the kubeconfig, also inside a KUBECONFIG list', () => {
    for (const kubeconfig of [fifo, '/dev/zero', [fifo, '/dev/zero']]) {
      const error = loadError(kubeconfig);
      expect(error.code).toBe('KUBECONFIG_UNREADABLE');
      expect(error.cause).toMatchObject({ code: 'FILE_NOT_REGULAR', field: 'kubeconfig' });
    }
  });

  it('reads a kubeconfig of several MiB (embedded certificates) but refuses one over 8 MiB', () => {
    const valid = kubeconfigWith('large', { 'insecure-skip-tls-verify': true }, { token: 'tok-0123456789' });
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(5 * 1024);
    const large = scratch.file('large/config-5mib', `${padding}${readFileSync(valid, 'utf8')}`);
    expect(kubeconfigAuth({ kubeconfig: large, env: {} }).context).toBe('x');
    const huge = scratch.file('large/config-9mib', `${padding}${padding}`);
    const error = loadError(huge);
    expect(error.cause).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'kubeconfig' });
  });

  it('refuses a kubeconfig that expands YAML aliases like a billion-laughs file, with a code', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level <= 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const bomb = join(scratch.path, 'bomb.yaml');
    writeFileSync(bomb, `${lines.join('\n')}\nclusters: []\n`);
    const error = loadError(bomb);
    expect(error.code).toBe('KUBECONFIG_INVALID');
    expect(error.cause).toMatchObject({ code: 'YAML_ALIAS_LIMIT' });
    expect(error.message).toMatch(/aliases/);
  });
});
