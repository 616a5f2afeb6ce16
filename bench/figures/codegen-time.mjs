// Figure 5: time to sync, convert and generate every API (the three Swagger documents and the
// pipeline spec .proto). Per round, in
// a throwaway copy of the repo: (1) each stage timed in one process from an
// empty spec cache; (2) `turbo run generate` from a cold cache (no spec cache,
// no turbo cache, no outputs); (3) the same on a fresh checkout with a warm
// turbo cache (outputs and spec cache removed, turbo cache kept).
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PACKAGES, createCodegenCopy } from '../codegen/repo-copy.mjs';
import { median } from '../lib/stats.mjs';
import { fixed } from '../lib/table.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STAGE_TIMES = fileURLToPath(new URL('../codegen/stage-times.mjs', import.meta.url));

/** @param {{ rounds: number }} size */
export async function measureCodegenTime(size) {
  const { mirrorDir } = await import(join(ROOT, 'scripts', 'lib', 'paths.mjs'));
  const mirror = mirrorDir();
  // The copy lives elsewhere, so it cannot find ../shared/specs by itself: name the mirror explicitly.
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
  if (mirror) env.SPECS_MIRROR = mirror;
  const copy = createCodegenCopy(ROOT);
  const stages = [];
  const cold = [];
  const warm = [];
  try {
    for (let round = 0; round < size.rounds; round += 1) {
      copy.removeOutputs();
      stages.push(runStageTimes(copy.dir, env));
      copy.removeOutputs();
      copy.removeTurboCache();
      cold.push(runTurboGenerate(copy.dir, env, 0));
      copy.removeOutputs();
      warm.push(runTurboGenerate(copy.dir, env, API_PACKAGES.length));
    }
  } finally {
    copy.dispose();
  }
  // Relative to the repository, so published results never name a path of the machine.
  return summarize({
    stages,
    cold,
    warm,
    size,
    source: mirror ? `mirror ${relative(ROOT, mirror)}` : 'upstream over HTTPS',
  });
}

function runStageTimes(dir, env) {
  const result = spawnSync(process.execPath, [STAGE_TIMES, dir], { env, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`stage timing failed:\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** @param {number} expectedCached how many of the generate tasks must be cache hits: a warm run that misses is not warm */
function runTurboGenerate(dir, env, expectedCached) {
  const turbo = join(ROOT, 'node_modules', '.bin', 'turbo');
  const started = performance.now();
  const result = spawnSync(turbo, ['run', 'generate', '--output-logs=errors-only'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const wallMs = performance.now() - started;
  const cached = Number(/Cached:\s+(\d+) cached/.exec(result.stdout)?.[1]);
  if (result.status !== 0 || cached !== expectedCached) {
    throw new Error(
      `turbo run generate: expected ${expectedCached} cached, got ${cached}:\n${result.stdout}${result.stderr}`,
    );
  }
  return wallMs;
}

function summarize({ stages, cold, warm, size, source }) {
  const apis = stages[0].apis.map(({ api }) => api);
  const stageOf = (api, stage) => median(stages.map((run) => run.apis.find((a) => a.api === api)[stage]));
  const rows = apis.map((api) => ({
    api,
    syncMs: stageOf(api, 'syncMs'),
    convertMs: stageOf(api, 'convertMs'),
    typesMs: stageOf(api, 'typesMs'),
  }));
  const loadToolsMs = median(stages.map((run) => run.loadToolsMs));
  const inProcessMs = median(stages.map((run) => run.totalMs));
  const warmVsCold = median(warm.map((ms, round) => ms / cold[round]));
  const table = {
    title: 'Codegen: sync -> overlay + convert -> types, every API',
    columns: ['step', 'sync ms', 'convert ms', 'types ms', 'total ms'],
    rows: [
      ['load tools (openapi-typescript, typescript, swagger2openapi)', '', '', '', fixed(loadToolsMs, 0)],
      ...rows.map((r) => [
        r.api,
        fixed(r.syncMs, 0),
        fixed(r.convertMs, 0),
        fixed(r.typesMs, 0),
        fixed(r.syncMs + r.convertMs + r.typesMs, 0),
      ]),
      ['all of them in one process, empty spec cache', '', '', '', fixed(inProcessMs, 0)],
      ['`turbo run generate`, cold (no spec cache, no turbo cache)', '', '', '', fixed(median(cold), 0)],
      [
        '`turbo run generate`, warm turbo cache (fresh checkout)',
        '',
        '',
        '',
        `${fixed(median(warm), 0)} (${fixed(warmVsCold, 3)}× cold)`,
      ],
    ],
    notes: [
      `${size.rounds} round(s), medians; specs from ${source}. Turbo runs the ${API_PACKAGES.length} generate tasks in parallel ` +
        '(2 cores), one Node process each, so its cold time is not the sum of the stages. Timed in a throwaway ' +
        'copy of the repo, never in the working tree.',
    ],
  };
  return {
    id: 'codegen-time',
    table,
    data: { size, source, rows, loadToolsMs, inProcessMs, cold, warm, warmVsCold, stages },
  };
}
