import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProjectedVolume } from '@ml-platform/testbed/kubernetes/projected-volume';
import { afterEach, expect, it } from 'vitest';
import { freshServiceAccountJwt } from './support/service-account-jwt.js';

const require = createRequire(import.meta.url);
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Runs in a child process: signs a request (which starts the directory watch), then polls until the
// watch notices the rotation the parent makes (stat checks are an hour apart), then simply ends.
const CHILD = `
import { createHash } from 'node:crypto';
const [pluginUrl, kfpUrl, tokenPath] = process.argv.slice(2);
const { serviceAccountTokenAuth } = await import(pluginUrl);
const { createKfpV2Client } = await import(kfpUrl);
const auth = serviceAccountTokenAuth({ path: tokenPath, checkIntervalMs: 3_600_000 });
let sent;
const client = createKfpV2Client({
  baseUrl: 'http://127.0.0.1:9',
  auth,
  fetch: async (request) => {
    sent = request.headers.get('authorization');
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  },
});
await client.GET('/apis/v2beta1/healthz');
const first = sent;
console.log('signed-once');
while (sent === first) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  await client.GET('/apis/v2beta1/healthz');
}
console.log('signed-with-rotated ' + createHash('sha256').update(sent).digest('hex'));
`;

it('watches for rotation without keeping the process alive', async () => {
  const first = freshServiceAccountJwt();
  const second = freshServiceAccountJwt();
  const volume = createProjectedVolume({ token: first });
  cleanups.push(() => volume.remove());
  const scratch = await mkdtemp(join(tmpdir(), 'sa-lifetime-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const script = join(scratch, 'child.mjs');
  await writeFile(script, CHILD);
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const url = (name: string) => pathToFileURL(require.resolve(name)).href;

  const child = spawn(
    process.execPath,
    [script, url('@ml-platform/auth-sa-token'), url('@ml-platform/kfp-v2'), volume.tokenPath],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A child that never exits fails the test instead of outliving it.
  const deadline = setTimeout(() => child.kill('SIGKILL'), 10_000);
  cleanups.push(() => {
    clearTimeout(deadline);
    child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('signed-once') && !output.includes('rotated')) {
      output += ' rotated\n';
      volume.project({ token: second });
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const [code, signal] = await once(child, 'exit');

  expect({ code, signal, output }).toMatchObject({ code: 0, signal: null });
  expect(output).toContain(`signed-with-rotated ${sha256(`Bearer ${second}`)}`);
});
