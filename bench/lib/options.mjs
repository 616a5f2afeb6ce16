// Command-line options of `npm run bench`: which figures, and how big a run.
import { parseArgs } from 'node:util';

export const FIGURES = [
  'overhead',
  'acquisition',
  'bundle',
  'imports',
  'memory',
  'typecheck',
  'codegen',
  'dex-parse',
  'pipeline-load',
  'cli',
  'inflating-body',
];

/** Full run: what the README's table comes from. Quick run: for developing the bench on a shared machine. */
const SIZES = {
  full: {
    overhead: { rounds: 7, sequentialRequests: 2000, concurrentRequests: 5000, warmupRequests: 500 },
    acquisition: { rounds: 5, bursts: [1, 100, 1000] },
    imports: { rounds: 15 },
    memory: { counts: [1000, 10000, 100000] },
    typecheck: { rounds: 5 },
    codegen: { rounds: 3 },
    dexParse: { rounds: 7, minRoundMs: 200 },
    'pipeline-load': { rounds: 7, loads: 200 },
    cli: { rounds: 15 },
    'inflating-body': { inflatedMiB: 1024, rounds: 3 },
  },
  quick: {
    overhead: { rounds: 3, sequentialRequests: 200, concurrentRequests: 500, warmupRequests: 100 },
    acquisition: { rounds: 1, bursts: [1, 100, 1000] },
    imports: { rounds: 3 },
    memory: { counts: [1000, 10000] },
    typecheck: { rounds: 1 },
    codegen: { rounds: 1 },
    dexParse: { rounds: 1, minRoundMs: 20 },
    'pipeline-load': { rounds: 1, loads: 20 },
    cli: { rounds: 3 },
    'inflating-body': { inflatedMiB: 1024, rounds: 1 },
  },
};

export function readOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-ts7': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : FIGURES;
  const unknown = only.filter((figure) => !FIGURES.includes(figure));
  if (unknown.length)
    throw new Error(`Unknown figure(s) ${unknown.join(', ')}; choose from ${FIGURES.join(', ')}.`);
  return {
    help: values.help,
    figures: only,
    quick: values.quick,
    installTypeScript7: !values['no-ts7'],
    size: values.quick ? SIZES.quick : SIZES.full,
  };
}

export const USAGE = `Usage: npm run bench [-- --only=${FIGURES.join(',')}] [--quick] [--no-ts7]
  --only    run some figures (default: all)
  --quick   small request counts and one round: for developing the bench, not for numbers
  --no-ts7  skip installing TypeScript 7 into a temp dir for the type-check comparison`;
