// A KFP v2 `GET /apis/v2beta1/runs` that lists `total` generated runs, a page
// at a time, with `page_token` as the offset: nothing is stored, so the
// server's memory does not depend on the length of the list.
// Prints `listening <port>`; stops when its parent goes away.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // The walker says how long a list it wants, so one server serves every length.
  const total = Number(request.headers['x-total'] ?? 0);
  const offset = Number(url.searchParams.get('page_token') || 0);
  const size = Number(url.searchParams.get('page_size') || 20);
  const end = Math.min(total, offset + size);
  const runs = [];
  for (let index = offset; index < end; index += 1) {
    runs.push({
      run_id: `run-${index}`,
      display_name: `bench run ${index}`,
      experiment_id: 'bench',
      state: 'SUCCEEDED',
      created_at: '2026-01-01T00:00:00Z',
    });
  }
  const body = JSON.stringify({
    runs,
    total_size: total,
    ...(end < total ? { next_page_token: String(end) } : {}),
  });
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('disconnect', () => process.exit(0));
