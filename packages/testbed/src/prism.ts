import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ManagedProcess, startNodeProcess } from './child-process.js';
import { freePort } from './free-port.js';

const require = createRequire(import.meta.url);

/** The APIs the test bed can mock, by their spec id. */
export const MOCKED_APIS = {
  'kfp-v1beta1': '@ml-platform/kfp-v1',
  'kfp-v2beta1': '@ml-platform/kfp-v2',
  'seldon-deploy-v1alpha1': '@ml-platform/seldon-deploy-v1alpha1',
} as const;

export type MockedApi = keyof typeof MOCKED_APIS;

export interface PrismServer {
  readonly api: MockedApi;
  /**
   * Where the mock answers. Prism ignores a document's base path, so for Seldon
   * Deploy this is the root, not `/seldon-deploy/api/v1alpha1`.
   */
  readonly url: string;
  /** Prism's log: the only place it names the exact validation failure. */
  output(): string;
  stop(): Promise<void>;
}

/** The converted OpenAPI 3 document an API package ships (what Prism validates against). */
export function openapiDocumentPath(api: MockedApi): string {
  return require.resolve(`${MOCKED_APIS[api]}/openapi.json`);
}

/**
 * Starts Prism (spec-driven mock server) for `api` on 127.0.0.1 and a free
 * port. Prism validates every request (path, parameters, body, security)
 * against the document and answers with the spec's examples. It is given the
 * OpenAPI 3 document: with the Swagger 2.0 one it accepts a multipart upload
 * without its file.
 */
export async function startPrism(api: MockedApi, options: { dynamic?: boolean } = {}): Promise<PrismServer> {
  const prism = await startPrismCli('mock', options.dynamic ? ['--dynamic'] : [], [openapiDocumentPath(api)]);
  return { api, ...prism };
}

/**
 * Runs `prism <command>` on 127.0.0.1 and a free port. Prism cannot listen on
 * port 0, so a port taken between choosing and listening is retried (3 tries).
 */
export async function startPrismCli(
  command: 'mock' | 'proxy',
  options: string[],
  positionals: string[],
): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
  const cli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const args = [command, '--host', '127.0.0.1', '--port', String(port), ...options, ...positionals];
    let prism: ManagedProcess;
    try {
      prism = await startNodeProcess(cli, args, /Prism is listening on/);
    } catch (error) {
      lastError = error;
      if (String(error).includes('EADDRINUSE')) continue;
      throw error;
    }
    return { url: `http://127.0.0.1:${port}`, output: prism.output, stop: prism.stop };
  }
  throw lastError;
}
