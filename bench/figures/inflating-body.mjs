// Figure 11: a compressed body that inflates far past maxResponseBytes. A
// child process reads a ~1 MB gzip body that inflates to 1 GiB (success and
// error status) through a KFP v2 client with the default limit (64 MiB) and
// reports the code it got, the time to it and its peak RSS. The limit counts
// decoded bytes, so the client stops after the limit, not after the gigabyte.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const READER = fileURLToPath(new URL('../memory/inflating-body.mjs', import.meta.url));

function read(inflatedMiB, status) {
  return new Promise((resolve, reject) => {
    const child = fork(READER, [String(inflatedMiB), String(status)], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('message', resolve);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`inflating-body exited with ${code}: ${stderr}`));
    });
  });
}

const mebibytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export async function measureInflatingBody({ inflatedMiB, rounds }) {
  const rows = [];
  for (const status of [200, 500]) {
    const results = [];
    for (let round = 0; round < rounds; round += 1) results.push(await read(inflatedMiB, status));
    const worst = results.reduce((a, b) => (b.peakRssBytes > a.peakRssBytes ? b : a));
    const slowest = Math.max(...results.map((result) => result.ms));
    rows.push({ status, ...worst, slowestMs: slowest });
  }
  const table = {
    title: `A gzip body that inflates to ${inflatedMiB} MiB, read with the default maxResponseBytes (64 MiB)`,
    columns: [
      'status',
      'compressed',
      'error code',
      'peak RSS (worst round)',
      'RSS before the call',
      'seconds (slowest)',
    ],
    rows: rows.map((row) => [
      String(row.status),
      `${(row.compressedBytes / 1024).toFixed(0)} KiB`,
      row.code,
      mebibytes(row.peakRssBytes),
      mebibytes(row.rssBeforeBytes),
      (row.slowestMs / 1000).toFixed(2),
    ]),
    notes: [
      'Peak RSS of the reading process (server in the same process, holding only the compressed body).',
    ],
  };
  return { id: 'inflating-body', table, data: { rows } };
}
