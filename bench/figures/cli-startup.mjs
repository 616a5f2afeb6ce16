// Figure 6: how long `mlp` takes to start, next to the floor (`node -e 0`):
// `mlp --version` (the command tree and commander, nothing else) and
// `mlp kfp run list` against the bench API server (the kfp-v2 client, one
// request, the table printer). Each is a fresh process, as a user or a CI
// step runs it; rounds interleave the three so drift hits all of them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServerProcess } from '../lib/child-server.mjs';
import { median, rotate, spread } from '../lib/stats.mjs';
import { fixed } from '../lib/table.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MLP = join(ROOT, 'packages/cli/bin/mlp.js');
const API_SERVER = join(ROOT, 'bench/servers/api-server.mjs');

export async function measureCliStartup({ rounds }) {
  const server = await startServerProcess(API_SERVER);
  // No config, no kfp context, no token file: what a first run on a laptop sees.
  const home = mkdtempSync(join(tmpdir(), 'mlp-bench-'));
  const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, 'config') };
  const contenders = [
    { id: 'node', label: 'node -e 0', args: ['-e', '0'] },
    { id: 'version', label: 'mlp --version', args: [MLP, '--version'] },
    {
      id: 'run-list',
      label: 'mlp kfp run list (one request)',
      args: [MLP, 'kfp', 'run', 'list', '--endpoint', server.url, '--namespace', 'bench', '-o', 'json'],
    },
  ];
  const samples = Object.fromEntries(contenders.map((contender) => [contender.id, []]));
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const contender of rotate(contenders, round)) {
        const started = performance.now();
        await run(process.execPath, contender.args, { env });
        samples[contender.id].push(performance.now() - started);
      }
    }
  } finally {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
  const floor = median(samples.node);
  const table = {
    title: 'CLI start-up: wall time of one process, ms (median of interleaved rounds)',
    columns: ['command', 'median ms', 'min–max ms', 'over node -e 0'],
    rows: contenders.map((contender) => {
      const { min, max } = spread(samples[contender.id]);
      const middle = median(samples[contender.id]);
      return [
        contender.label,
        fixed(middle, 0),
        `${fixed(min, 0)}–${fixed(max, 0)}`,
        contender.id === 'node' ? '—' : `+${fixed(middle - floor, 0)}`,
      ];
    }),
    notes: [
      `${rounds} rounds. mlp imports a command's module (its *-actions.js) only when the command runs, so --version ` +
        'loads commander and the command tree only; run list adds the kfp-v2 client, one loopback request and the printer.',
    ],
  };
  return { id: 'cli-startup', table, data: { samples } };
}
