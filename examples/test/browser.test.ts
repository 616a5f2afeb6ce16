/**
 * The API clients and `staticTokenAuth` in a real browser: the dashboard
 * example (examples/browser/) is bundled for the browser with esbuild, as a
 * dashboard's build would bundle it, served on 127.0.0.1 and opened in
 * Debian's Chromium (driven by playwright-core) against Prism mocks of the
 * three APIs on other origins, so every call is a CORS request with an
 * `Authorization` header.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PrismServer, startHttpServer, startPrism, type TestHttpServer } from '@ml-platform/testbed';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
// The flags a closed network and a root user need: no sandbox, no background requests to Google.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function bundleForBrowser(entry: string) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../browser/${entry}`, import.meta.url))],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
}

describe('in a browser (Chromium)', () => {
  let prism: PrismServer[] = [];
  let page: TestHttpServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does).`);
    }
    const { code } = await bundleForBrowser('main.ts');
    prism = await Promise.all([
      startPrism('kfp-v1beta1'),
      startPrism('kfp-v2beta1'),
      startPrism('seldon-deploy-v1alpha1'),
    ]);
    page = await startHttpServer((request, response) => {
      if (request.url === '/bundle.js') {
        response.setHeader('content-type', 'text/javascript');
        response.end(code);
        return;
      }
      response.setHeader('content-type', 'text/html');
      response.end('<!doctype html><script type="module" src="/bundle.js"></script><pre id="summary"></pre>');
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await page?.stop();
    await Promise.all(prism.map((server) => server.stop()));
  });

  it('bundles without undici or any node: module', async () => {
    const { inputs } = await bundleForBrowser('main.ts');
    expect(inputs.filter((input) => input.includes('node_modules/undici/'))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    expect(inputs.some((input) => input.includes('packages/core/dist/'))).toBe(true);
  });

  it('calls KFP v1, KFP v2 and Seldon Deploy across origins with a bearer token', async () => {
    const [kfpV1, kfpV2, seldon] = prism;
    const query = new URLSearchParams({
      kfpV1: kfpV1?.url ?? '',
      kfpV2: kfpV2?.url ?? '',
      seldon: seldon?.url ?? '',
      token: 'browser-test-token',
    });
    const tab = await browser!.newPage();
    const consoleErrors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await tab.goto(`${page!.url}/?${query}`);
    await tab.waitForSelector('body[data-state]', { timeout: 20_000 });
    const state = await tab.getAttribute('body', 'data-state');
    const text = (await tab.textContent('#summary')) ?? '';
    expect({ state, text }).toMatchObject({ state: 'done' });
    expect(JSON.parse(text)).toEqual({
      kfpV2Experiments: expect.any(Number),
      kfpV1Healthz: true,
      seldonDeployments: expect.any(Number),
      // Prism refuses the request without a token (the spec's security); a KFP client created without auth
      // looks for a pod's token first (none in a browser) and says what it looked for and what to pass.
      unauthenticatedCode: 'AUTH_NO_CREDENTIAL_FOUND',
    });
    // Prism answered each call only because the token went through CORS: the 401 above shows it checks.
    expect(consoleErrors.filter((message) => !message.includes('401'))).toEqual([]);
    await tab.close();
  });
});
