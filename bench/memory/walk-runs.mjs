// Pages through `count` runs with kfp-v2's listAll and reports the peak heap
// after GC to the parent. Run with --expose-gc (list-memory.mjs does).
import { createKfpV2Client, listAll } from '@ml-platform/kfp-v2';

const [url, count] = process.argv.slice(2);
const client = createKfpV2Client({ baseUrl: url, headers: { 'x-total': count } });
let items = 0;
let peakHeapBytes = 0;
const started = performance.now();
for await (const run of listAll(client, '/apis/v2beta1/runs', { pageSize: 1000 })) {
  if (!run.run_id) throw new Error('a run without run_id');
  items += 1;
  if (items % 1000 === 0) {
    globalThis.gc();
    peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
  }
}
process.send({ items, pages: Math.ceil(items / 1000), peakHeapBytes, ms: performance.now() - started });
