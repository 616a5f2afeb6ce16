// A 10,000-run `mlp kfp run list --max-size 10000` is streamed: the process's peak RSS grows by less
// than a generous ceiling over a one-run list, although the runs are ~60 MB of JSON (collected whole
// and then stringified, they would add several times that). A real HTTP server on 127.0.0.1 pages
// the runs as KFP's API server does (page_size at most 200, next_page_token until the last page).
// The growth is asserted rather than the absolute RSS: on Node 20 a process's first fetch() alone
// (undici) takes it from ~40 MB to ~85 MB, measured on this machine.
import { spawn } from 'node:child_process';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, MLP_BIN } from './mlp-process.js';

const TOTAL = 10_000;
const MAX_PAGE = 200;
/** Each run carries this much text, as real runs carry their pipeline spec and task details. */
const PADDING = 'x'.repeat(6000);
/**
 * Peak RSS over the one-run list's, under the 100 MB: collecting the runs whole
 * added 282 MB. Measured 31 MB on Node.js 22 and 79 MB on Node.js 24, whose fetch keeps more.
 */
const GROWTH_CEILING_MB = 100;

let server: TestHttpServer;
let home: ReturnType<typeof isolatedHome>;

beforeAll(async () => {
  home = isolatedHome();
  server = await startHttpServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname !== '/apis/v2beta1/runs')
      return sendJson(response, 404, { code: 5, message: 'not found' });
    const size = Math.min(Number(url.searchParams.get('page_size') || 20), MAX_PAGE);
    const start = Number(url.searchParams.get('page_token') || 0);
    const end = Math.min(start + size, TOTAL);
    const runs = [];
    for (let index = start; index < end; index += 1)
      runs.push({
        run_id: `run-${index}`,
        display_name: `run ${index}`,
        state: 'SUCCEEDED',
        description: PADDING,
      });
    sendJson(response, 200, { runs, total_size: TOTAL, next_page_token: end < TOTAL ? String(end) : '' });
  });
});

afterAll(async () => {
  await server?.stop();
  home?.remove();
});

/** Runs `mlp kfp run list --max-size N -o json` under GNU time (Debian's `time`), counting what arrives. */
async function listRuns(maxSize: number) {
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      'MAXRSS_KB=%M',
      process.execPath,
      MLP_BIN,
      'kfp',
      'run',
      'list',
      '--max-size',
      String(maxSize),
      '--endpoint',
      server.url,
      '--namespace',
      'team-a',
      '-o',
      'json',
    ],
    { env: { PATH: process.env.PATH ?? '', ...home.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let runIds = 0;
  let bytes = 0;
  let tail = '';
  let stderr = '';
  const pattern = /"run_id": "run-\d+"/g;
  // Counted as it arrives, never kept: the test holds no more than the CLI should.
  child.stdout.on('data', (chunk: Buffer) => {
    const text = tail + chunk.toString('utf8');
    const cut = text.lastIndexOf('\n');
    runIds += text.slice(0, cut + 1).match(pattern)?.length ?? 0;
    tail = text.slice(cut + 1);
    bytes += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  runIds += tail.match(pattern)?.length ?? 0;
  return { code, runIds, bytes, stderr, peakMb: Number(/MAXRSS_KB=(\d+)/.exec(stderr)?.[1]) / 1024 };
}

describe('mlp kfp run list --max-size 10000', { timeout: 180_000 }, () => {
  it('streams every run to stdout, its memory growing by less than the ceiling', async () => {
    const one = await listRuns(1);
    expect(one.code, one.stderr).toBe(0);
    expect(one.runIds).toBe(1);
    const requestsBefore = server.requests.length;
    const all = await listRuns(TOTAL);
    expect(all.code, all.stderr).toBe(0);
    expect(all.runIds).toBe(TOTAL);
    expect(all.bytes).toBeGreaterThan(TOTAL * PADDING.length);
    expect(all.peakMb - one.peakMb).toBeLessThan(GROWTH_CEILING_MB);
    // 50 pages of 200, not 10,000 single requests.
    expect(server.requests.length - requestsBefore).toBe(TOTAL / MAX_PAGE);
  });
});
