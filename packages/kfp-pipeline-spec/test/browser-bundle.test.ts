// What a browser app gets: the package bundled by esbuild for the browser platform. Its `#read-path`
// import resolves to the browser stand-in, so no node: module is in the bundle; text, Blob and
// objects load, and a path is refused with a clear error. undici is left out: @ml-platform/core
// loads it on demand for TLS options, which browsers do not use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let work: string;
let bundle: { code: string; module: typeof import('@ml-platform/kfp-pipeline-spec') };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kfp-pipeline-spec-browser-'));
  const outfile = join(work, 'bundle.mjs');
  const result = await build({
    stdin: { contents: "export * from '@ml-platform/kfp-pipeline-spec';", resolveDir: import.meta.dirname },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    external: ['undici'],
    outfile,
    write: true,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  bundle = { code: inputs.join('\n'), module: await import(pathToFileURL(outfile).href) };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = 'pipelineInfo:\n  name: in-browser\nroot: {}\nschemaVersion: 2.1.0\n';

describe('browser bundle', () => {
  it('holds no Node module and the browser stand-in for paths', () => {
    expect(bundle.code).not.toMatch(/node:/);
    expect(bundle.code).toMatch(/read-path-unsupported\.js/);
    expect(bundle.code).not.toMatch(/read-path-node\.js/);
  });

  it('loads text, a Blob and an object', async () => {
    const { loadPipelinePackage } = bundle.module;
    expect((await loadPipelinePackage({ text })).pipelineName).toBe('in-browser');
    expect((await loadPipelinePackage(new Blob([text]))).pipelineName).toBe('in-browser');
    expect(
      (await loadPipelinePackage({ pipelineInfo: { name: 'obj' }, root: {}, schemaVersion: '2.1.0' }))
        .pipelineName,
    ).toBe('obj');
  });

  it('refuses a path, saying what to pass instead', async () => {
    await expect(bundle.module.loadPipelinePackage('pipeline.yaml')).rejects.toMatchObject({
      code: 'KFP_INVALID_PIPELINE_PACKAGE',
      message: expect.stringMatching(
        /pipeline\.yaml: a file path can only be read on Node\.js: pass \{ text, name \}/,
      ),
    });
  });
});
