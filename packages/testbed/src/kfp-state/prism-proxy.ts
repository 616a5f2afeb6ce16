import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startNodeProcess } from '../child-process.js';
import { freePort } from '../free-port.js';
import { type MockedApi, openapiDocumentPath } from '../prism.js';

const require = createRequire(import.meta.url);

export interface PrismProxy {
  /** Where to send requests; Prism forwards them to the upstream. */
  readonly url: string;
  /** Prism's log, which names each violation. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Prism in proxy mode in front of `upstream`: every request is validated
 * against the API's OpenAPI document before it is forwarded, and every
 * response after; a violation is reported in the `sl-violations` response
 * header (and, with `--errors`, turns the answer into an error). This is how
 * the emulators' answers are held to the upstream spec.
 */
export async function startPrismProxy(api: MockedApi, upstream: string): Promise<PrismProxy> {
  const cli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const port = await freePort();
  const args = [
    'proxy',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--errors',
    openapiDocumentPath(api),
    upstream,
  ];
  const prism = await startNodeProcess(cli, args, /Prism is listening on/);
  return { url: `http://127.0.0.1:${port}`, output: prism.output, stop: prism.stop };
}
