// Figure 4: what our types cost a consumer's type-checker. `tsc --noEmit` over
// a file making ten typed calls to each of the three clients, next to the same
// calls over bare openapi-fetch with our generated `paths`, and a baseline with
// no client at all, on TypeScript 5.9 (the repo's) and TypeScript 7 (installed
// on demand). Interleaved rounds, medians, per-round ratios.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runTsc } from '../lib/run-tsc.mjs';
import { median, rotate } from '../lib/stats.mjs';
import { fixed } from '../lib/table.mjs';
import { ensureTypeScript7 } from '../lib/typescript-7.mjs';

const require = createRequire(import.meta.url);
const project = (name) => fileURLToPath(new URL(`../typecheck/tsconfig.${name}.json`, import.meta.url));

const PROGRAMS = [
  { id: 'ours', label: 'our clients (30 typed calls)' },
  { id: 'openapi-fetch', label: 'bare openapi-fetch + our paths (30 calls)' },
  { id: 'baseline', label: 'baseline: no client (lib + @types/node)' },
];

/** @param {{ rounds: number }} size @param {{ installTypeScript7: boolean }} options */
export async function measureTypecheckCost(size, options) {
  const ts5 = {
    id: 'ts5',
    tsc: require.resolve('typescript/bin/tsc'),
    version: require('typescript/package.json').version,
  };
  const toolchains = [ts5];
  const ts7 = options.installTypeScript7
    ? ensureTypeScript7()
    : { notAvailable: 'not measured: --no-ts7 given' };
  if ('tsc' in ts7) toolchains.push({ id: 'ts7', ...ts7 });

  const runs = toolchains.flatMap((toolchain) => PROGRAMS.map((program) => ({ toolchain, program })));
  const samples = new Map(runs.map((run) => [key(run), []]));
  for (let round = 0; round < size.rounds; round += 1) {
    for (const run of rotate(runs, round))
      samples.get(key(run)).push(runTsc(run.toolchain.tsc, project(run.program.id)));
  }

  const perRoundRatio = (run, other) =>
    median(
      samples.get(key(run)).map((sample, round) => sample.wallMs / samples.get(key(other))[round].wallMs),
    );
  const rows = runs.map((run) => {
    const s = samples.get(key(run));
    const ts5Twin = { toolchain: ts5, program: run.program };
    return {
      typescript: run.toolchain.version,
      program: run.program.id,
      label: run.program.label,
      wallMs: median(s.map((x) => x.wallMs)),
      totalMs: median(s.map((x) => x.totalMs)),
      checkMs: median(s.map((x) => x.checkMs)),
      memoryUsedMb: median(s.map((x) => x.memoryUsedKb)) / 1024,
      peakRssMb: median(s.map((x) => x.peakRssKb)) / 1024,
      files: s[0].files,
      timeVsOpenapiFetch: perRoundRatio(run, { toolchain: run.toolchain, program: PROGRAMS[1] }),
      timeVsTs5: perRoundRatio(run, ts5Twin),
      samples: s,
    };
  });
  const table = {
    title:
      'Type-check cost for a consumer (tsc --noEmit, strict, skipLibCheck; time ratios: lower is cheaper)',
    columns: [
      'TypeScript',
      'program',
      'wall ms',
      'tsc check ms',
      'memory used MB',
      'peak RSS MB',
      'wall vs openapi-fetch',
      'wall vs TS 5.9',
    ],
    rows: [
      ...rows.map((r) => [
        r.typescript,
        r.label,
        fixed(r.wallMs, 0),
        fixed(r.checkMs, 0),
        fixed(r.memoryUsedMb, 0),
        fixed(r.peakRssMb, 0),
        r.program === 'baseline' ? '—' : fixed(r.timeVsOpenapiFetch),
        fixed(r.timeVsTs5),
      ]),
      ...('notAvailable' in ts7 ? [['7', ts7.notAvailable, '', '', '', '', '', '']] : []),
    ],
    notes: [
      `${size.rounds} interleaved round(s); medians. "wall" includes starting the compiler (Node for 5.9, the ` +
        'native binary for 7); "tsc check" is the Check time tsc reports itself. Programs: bench/typecheck/.',
    ],
  };
  return {
    id: 'typecheck-cost',
    table,
    data: { size, rows, typescript7: 'tsc' in ts7 ? ts7.version : ts7.notAvailable },
  };
}

function key({ toolchain, program }) {
  return `${toolchain.id}:${program.id}`;
}
