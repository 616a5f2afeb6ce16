#!/usr/bin/env node
// Usage: npm test
//
// Every check the repository has, in stages, each with its own output, then
// one summary of all of them and a closing line `stages: N passed, N failed`.
// A failed build stops the run (nothing after it would mean anything);
// any other failed stage does not, so one run shows every problem.
import { spawn } from 'node:child_process';
import { repoRoot } from './lib/paths.mjs';

const STAGES = [
  { name: 'build', command: ['npx', 'turbo', 'run', 'build', '--output-logs=errors-only'], required: true },
  { name: 'typecheck', command: ['npx', 'turbo', 'run', 'typecheck', '--output-logs=errors-only'] },
  { name: 'unit + contract', command: ['npx', 'vitest', 'run'] },
  { name: 'types', command: ['npx', 'tsc', '-p', 'tsconfig.typetests.json'] },
  { name: 'lint', command: ['npx', 'biome', 'ci', '.'] },
  { name: 'docs', command: ['npx', 'typedoc', '--emit', 'none', '--logLevel', 'Warn'] },
  { name: 'packages', command: ['node', 'scripts/check-packages.mjs'] },
  { name: 'sizes', command: ['npx', 'size-limit'] },
];

const started = performance.now();
const results = [];
for (const stage of STAGES) {
  console.log(`\n▸ ${stage.name}: ${stage.command.join(' ')}`);
  const stageStarted = performance.now();
  const code = await run(stage.command);
  results.push({ name: stage.name, ok: code === 0, seconds: secondsSince(stageStarted) });
  if (code !== 0 && stage.required) break;
}

const failed = results.filter((result) => !result.ok);
const skipped = STAGES.slice(results.length).map((stage) => stage.name);
console.log(
  `\n${results.map((result) => `${result.ok ? '✓' : '✗'} ${result.name} ${result.seconds} s`).join(' · ')}` +
    (skipped.length ? ` · not run after the failed build: ${skipped.join(', ')}` : '') +
    ` · ${secondsSince(started)} s in all`,
);
console.log(`stages: ${results.length - failed.length} passed, ${failed.length + skipped.length} failed`);
process.exitCode = failed.length || skipped.length ? 1 : 0;

function run([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`${command} could not start: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(signal ? 1 : code));
  });
}

function secondsSince(start) {
  return Math.round((performance.now() - start) / 100) / 10;
}
