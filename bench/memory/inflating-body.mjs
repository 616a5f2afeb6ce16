// Serves a gzip body of about 1 MB that inflates to `inflatedMiB` MiB (stated
// with its compressed Content-Length, status `status`) and reads it through a
// KFP v2 client with the default maxResponseBytes; reports the error code,
// the time to it and this process's peak RSS to the parent.
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { createKfpV2Client } from '@ml-platform/kfp-v2';

const [inflatedMiB, status] = process.argv.slice(2).map(Number);
const chunks = [];
const gzip = createGzip({ level: 9 });
gzip.on('data', (chunk) => chunks.push(chunk));
const ended = new Promise((resolve) => gzip.once('end', resolve));
gzip.write('{"runs":[');
const block = Buffer.alloc(1024 * 1024, 0x20);
for (let i = 0; i < inflatedMiB; i += 1) {
  if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve));
}
gzip.end(']}');
await ended;
const body = Buffer.concat(chunks);
const server = createServer((_, response) => {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    'content-length': body.length,
  });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const rssBeforeBytes = process.resourceUsage().maxRSS * 1024;
const client = createKfpV2Client({ baseUrl: `http://127.0.0.1:${server.address().port}`, retry: false });
const started = performance.now();
const error = await client.GET('/apis/v2beta1/runs').then(
  () => undefined,
  (thrown) => thrown,
);
const ms = performance.now() - started;
server.close();
process.send({
  compressedBytes: body.length,
  code: error?.code ?? 'no error',
  ms,
  rssBeforeBytes,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
});
