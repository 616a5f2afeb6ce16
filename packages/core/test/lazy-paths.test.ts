// Rare paths (the network-error diagnosis) are loaded with import() when they first happen. In a
// test runner something has usually loaded them already, so each case runs in a fresh process
// where the very first failure is the one observed.
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@ml-platform/testbed';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** Runs an ES module in a fresh Node.js process and returns what it printed as JSON. */
async function inFreshProcess(script: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageDir,
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('the first failure of a fresh process', () => {
  it('is diagnosed: a refused connection names the call and says what to do', async () => {
    const port = await freePort();
    const result = await inFreshProcess(`
      import { createApiClient, staticTokenAuth } from '@ml-platform/core';
      const client = createApiClient(
        { baseUrl: 'http://127.0.0.1:${port}', auth: staticTokenAuth('s3cr3t-token-value'), retry: false },
        { baseUrlExample: 'http://127.0.0.1:${port}', userAgent: 'test' },
      );
      try {
        await client.GET('/apis/v2beta1/runs', { params: { query: { token: 'query-secret' } } });
        console.log(JSON.stringify({ failed: false }));
      } catch (error) {
        console.log(JSON.stringify({
          isError: error instanceof Error,
          name: error?.name,
          code: error?.code,
          message: error?.message,
          causeCode: error?.cause?.cause?.code,
        }));
      }`);
    expect(result).toMatchObject({ isError: true, name: 'MlPlatformError', code: 'NETWORK_ERROR' });
    expect(result.message).toBe(
      `GET http://127.0.0.1:${port}/apis/v2beta1/runs?[query omitted] failed: connection refused (ECONNREFUSED): ` +
        `nothing listens on 127.0.0.1:${port}. Check the host and port in the URL, and that the service ` +
        '(or your kubectl port-forward) is running.',
    );
    expect(result.causeCode).toBe('ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('s3cr3t-token-value');
    expect(JSON.stringify(result)).not.toContain('query-secret');
  });

  it('is diagnosed through a proxy that cannot be reached: PROXY_ERROR, the proxy named without its password', async () => {
    const [proxyPort, serverPort] = [await freePort(), await freePort()];
    const result = await inFreshProcess(`
      import { createApiClient } from '@ml-platform/core';
      const client = createApiClient(
        { baseUrl: 'http://127.0.0.1:${serverPort}', proxy: 'http://user:proxy-pa55word@127.0.0.1:${proxyPort}', retry: false },
        { baseUrlExample: 'http://127.0.0.1', userAgent: 'test' },
      );
      try {
        await client.GET('/healthz');
        console.log(JSON.stringify({ failed: false }));
      } catch (error) {
        console.log(JSON.stringify({ code: error?.code, message: error?.message }));
      }`);
    expect(result.code).toBe('PROXY_ERROR');
    expect(result.message).toMatch(
      new RegExp(`could not reach the proxy http://127\\.0\\.0\\.1:${proxyPort}/ \\(ECONNREFUSED\\)`),
    );
    expect(result.message).not.toContain('proxy-pa55word');
  });
});
