#!/usr/bin/env node
// Usage: npm run test:runtimes   (after `npm run build`; `.ci/run` calls it after `npm test`)
//
// Runs the packages on the runtimes besides the Node.js 22 that `npm test` runs on (the one
// `npm ci` installs from the npm registry): the unit and contract tests on Node.js 24, a
// CommonJS `require` of every published package on Node.js 22 and 24, the examples against the
// local test bed on Bun and Deno (`npm run demo -- --runtime=...`), and the examples
// type-checked by TypeScript 7 as a consumer on it would.
// The runtimes come from the npm registry, pinned in scripts/runtimes/
// (their binaries ship inside the packages, so nothing else downloads).
// Ends with one line `runtimes: N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.mjs';

const runtimesDir = join(repoRoot, 'scripts', 'runtimes');
const installed = (name) => join(runtimesDir, 'node_modules', name);
const NODE_24 = { name: 'Node.js 24', bin: join(installed('node24'), 'bin') };
const BUN = join(installed('bun'), 'bin', 'bun.exe');
const TSC_7 = join(installed('typescript7'), 'bin', 'tsc');
const DENO = join(installed('deno'), 'deno');

const results = [];
const started = performance.now();

await step('install the runtimes (npm ci in scripts/runtimes)', () =>
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: runtimesDir }),
);

{
  const env = { ...process.env, PATH: `${NODE_24.bin}:${process.env.PATH}` };
  const nodeBinary = join(NODE_24.bin, 'node');
  await step(`${NODE_24.name}: unit and contract tests`, () =>
    run(
      nodeBinary,
      [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--typecheck.enabled=false'],
      {
        env,
      },
    ),
  );
  await step(`${NODE_24.name}: require() of every published package (CommonJS)`, () =>
    run(nodeBinary, ['--input-type=commonjs', '-e', requireEveryPackage()], { env }),
  );
}
await step(
  `Node.js ${process.versions.node} (npm test's): require() of every published package (CommonJS)`,
  () => run(process.execPath, ['--input-type=commonjs', '-e', requireEveryPackage()]),
);
for (const project of ['examples/tsconfig.json', 'examples/browser/tsconfig.json']) {
  await step(`TypeScript 7: ${project} type-checks against the published declarations`, () =>
    run(process.execPath, [TSC_7, '-p', project]),
  );
}
for (const [name, binary] of [
  ['Bun', BUN],
  ['Deno', DENO],
]) {
  await step(`${name}: the examples against the local test bed`, () =>
    run(process.execPath, [join(repoRoot, 'examples', 'dist', 'demo', 'main.js'), `--runtime=${binary}`]),
  );
}

const failed = results.filter((result) => !result.ok);
console.log(`\nRuntimes tested in ${Math.round((performance.now() - started) / 1000)} s:`);
for (const result of results) console.log(`  ${result.ok ? '✓' : '✗'} ${result.title} (${result.seconds} s)`);
console.log(`runtimes: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;

async function step(title, action) {
  console.log(`\n▸ ${title}`);
  const stepStarted = performance.now();
  let ok;
  try {
    ok = (await action()) === 0;
  } catch (error) {
    console.error(String(error));
    ok = false;
  }
  results.push({ title, ok, seconds: Math.round((performance.now() - stepStarted) / 100) / 10 });
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    if (command !== 'npm' && !existsSync(command)) {
      reject(new Error(`${command} is missing: the install step did not put it there.`));
      return;
    }
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      ...options,
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(signal ? 1 : code));
  });
}

/** A script that requires each published package by name and checks it exported something. */
function requireEveryPackage() {
  const names = readdirSync(join(repoRoot, 'packages'))
    .map((dir) => JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')))
    .filter((pkg) => !pkg.private && !pkg.bin)
    .map((pkg) => pkg.name);
  return `
    const names = ${JSON.stringify(names)};
    for (const name of names) {
      const exported = Object.keys(require(name));
      if (exported.length === 0) throw new Error(name + ' exported nothing through require()');
    }
    console.log('require() loaded ' + names.length + ' packages on Node.js ' + process.version);
  `;
}
