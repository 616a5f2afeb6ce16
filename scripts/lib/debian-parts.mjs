// The Debian packages the tests drive as real parts, and what to do when some are missing.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Package -> why the tests need it. */
export const DEBIAN_PARTS = {
  chromium: 'the browser tests (through playwright-core)',
  tinyproxy: 'a real forward proxy',
  tmux: 'a real pseudo-terminal for the CLI',
  'python3-yaml': 'PyYAML, the oracle the pipeline loader is checked against',
  zip: 'test archives',
  zsh: 'the zsh completion test',
  fish: 'the fish completion test',
  time: "GNU time, the CLI's peak-memory test",
};

/**
 * kubectl, the oracle for kubeconfig merging. Only when none is on PATH: Debian's
 * `kubernetes-client` (kubectl 1.20) conflicts with the kubectl of google-cloud-sdk or
 * Kubernetes' own apt repository, which are newer and serve as well.
 */
export const KUBECTL_PART = { kubectl: 'kubernetes-client' };

/** The first executable `name` on PATH, or undefined. */
export function onPath(name, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return undefined;
}

/** Whether dpkg records `name` as installed (`dpkg-query -W -f '${Status}'`). */
function installed(name) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not JavaScript's.
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

/**
 * What the set-up must do: `{ kind: 'not-debian' }` without dpkg-query, `{ kind: 'complete' }`,
 * or the missing packages and whether this process can install them (root, with apt-get).
 */
export function planDebianParts() {
  if (!onPath('dpkg-query')) return { kind: 'not-debian', wanted: wantedParts() };
  const missing = wantedParts().filter((name) => !installed(name));
  if (missing.length === 0) return { kind: 'complete' };
  const canInstall = process.getuid?.() === 0 && onPath('apt-get') !== undefined;
  return { kind: canInstall ? 'install' : 'ask', missing };
}

function wantedParts() {
  return [...Object.keys(DEBIAN_PARTS), ...(onPath('kubectl') ? [] : [KUBECTL_PART.kubectl])];
}

/** The one command a user without root runs, then `npm run build` again. */
export function installCommand(missing) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/** apt-get update, then install; the exit code of the first that fails, else 0. */
export function installWithAptGet(missing) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    console.log(`apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}
