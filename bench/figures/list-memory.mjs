// Figure 7: memory of `listAll` over a long list. A child process pages
// through N runs of a generated KFP v2 list (1,000 a page, served by a local
// server that makes each page on the fly) and reports its peak heap after
// garbage collection; N grows 100-fold. Constant memory means the iterator
// holds one page, never the whole list.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../lib/child-server.mjs';
import { kilobytes } from '../lib/table.mjs';

const WALKER = fileURLToPath(new URL('../memory/walk-runs.mjs', import.meta.url));
const SERVER = fileURLToPath(new URL('../memory/runs-server.mjs', import.meta.url));

function walk(url, count) {
  return new Promise((resolve, reject) => {
    const child = fork(WALKER, [url, String(count)], { execArgv: ['--expose-gc'], stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('message', resolve);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`walk-runs exited with ${code}: ${stderr}`));
    });
  });
}

export async function measureListMemory({ counts }) {
  const server = await startServerProcess(SERVER);
  try {
    const rows = [];
    for (const count of counts) rows.push({ count, ...(await walk(server.url, count)) });
    const first = rows[0];
    const table = {
      title: 'Memory of listAll over a long list of KFP v2 runs (1,000 per page)',
      columns: ['runs listed', 'pages', 'peak heap after GC', 'growth vs the shortest list', 'seconds'],
      rows: rows.map((row) => [
        row.items.toLocaleString('en-US'),
        String(row.pages),
        kilobytes(row.peakHeapBytes),
        `${(row.peakHeapBytes / first.peakHeapBytes).toFixed(2)}×`,
        (row.ms / 1000).toFixed(1),
      ]),
      notes: ['Heap measured with global.gc() after every page, in a process that only does this walk.'],
    };
    return { id: 'list-memory', table, data: { rows } };
  } finally {
    await server.stop();
  }
}
