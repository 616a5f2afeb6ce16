// Figure 6: how long a cold `node` takes to import each published package,
// next to `node -e 0` and bare openapi-fetch: what a CLI invocation, a
// serverless cold start or a test file pays before its first request.
// Each sample is a fresh process (`node --input-type=module -e "await import(...)"`),
// contenders interleaved and rotated between rounds; medians of wall time.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, rotate, spread } from '../lib/stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function publishedLibraries() {
  return readdirSync(join(ROOT, 'packages'))
    .map((dir) => JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')))
    .filter((pkg) => !pkg.private && !pkg.bin)
    .map((pkg) => pkg.name)
    .sort();
}

function timeImport(specifier) {
  const script = specifier === undefined ? '0' : `await import(${JSON.stringify(specifier)})`;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`importing ${specifier} failed: ${result.stderr}`);
  return ms;
}

export async function measureImportTime({ rounds }) {
  const contenders = [
    { label: '`node -e 0` (no import)', specifier: undefined },
    { label: 'openapi-fetch (bare)', specifier: 'openapi-fetch' },
    ...publishedLibraries().map((name) => ({ label: name, specifier: name })),
  ];
  const samples = new Map(contenders.map((contender) => [contender.label, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const contender of rotate(contenders, round)) {
      samples.get(contender.label).push(timeImport(contender.specifier));
    }
  }
  const medians = new Map([...samples].map(([label, values]) => [label, median(values)]));
  const baseline = medians.get('openapi-fetch (bare)');
  const nothing = medians.get('`node -e 0` (no import)');
  const table = {
    title: `Cold import time (a fresh node process per sample, median of ${rounds})`,
    columns: ['module', 'median ms', 'min–max ms', 'above `node -e 0`', 'vs openapi-fetch'],
    rows: contenders.map(({ label }) => {
      const { min, max } = spread(samples.get(label));
      const ms = medians.get(label);
      return [
        label,
        ms.toFixed(0),
        `${min.toFixed(0)}–${max.toFixed(0)}`,
        `${(ms - nothing).toFixed(0)} ms`,
        `${(ms / baseline).toFixed(2)}×`,
      ];
    }),
    notes: [
      'Wall time of the whole process, start-up included; "above `node -e 0`" is what the import adds.',
    ],
  };
  return { id: 'import-time', table, data: { samples: Object.fromEntries(samples) } };
}
