// A SeldonDeployment manifest whose aliases multiply its size ("billion laughs") is refused with
// SELDON_MANIFEST_INVALID naming the source and its aliases, before any value is walked; time and
// heap are measured in a fresh Node process with --expose-gc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSeldonManifest } from '@ml-platform/seldon-deploy-v1alpha1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hostile-manifests-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function billionLaughsManifest(): string {
  const names = 'abcdefghi';
  const lines = [
    'apiVersion: machinelearning.seldon.io/v1',
    'kind: SeldonDeployment',
    'metadata:',
    '  name: iris',
  ];
  lines.push('spec:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]');
  for (let level = 1; level < names.length; level += 1) {
    lines.push(
      `  ${names[level]}: &${names[level]} [${Array(9)
        .fill(`*${names[level - 1]}`)
        .join(',')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('manifest YAML aliases', () => {
  it('refuses a billion-laughs manifest file naming it and "aliases", in under 200 ms and 50 MB', () => {
    const path = join(work, 'bomb.yaml');
    writeFileSync(path, billionLaughsManifest());
    const script = `
      import { readSeldonManifest } from '@ml-platform/seldon-deploy-v1alpha1';
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      const start = performance.now();
      let code, message;
      try { await readSeldonManifest({ path: ${JSON.stringify(path)} }); } catch (error) { ({ code, message } = error); }
      const ms = performance.now() - start;
      const heap = process.memoryUsage().heapUsed - before;
      console.log(JSON.stringify({ code, message, ms, heap }));`;
    const output = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const { code, message, ms, heap } = JSON.parse(output);
    expect(code).toBe('SELDON_MANIFEST_INVALID');
    expect(message).toContain(path);
    expect(message).toContain('aliases');
    expect(ms).toBeLessThan(200);
    expect(heap).toBeLessThan(50 * 1024 * 1024);
  });

  it('keeps the YAML error as the cause and reads ordinary aliases', async () => {
    const error = await readSeldonManifest({ text: billionLaughsManifest() }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SELDON_MANIFEST_INVALID', cause: { code: 'YAML_ALIAS_LIMIT' } });
    const manifest = await readSeldonManifest({
      text: 'kind: SeldonDeployment\nmetadata: { name: iris, labels: &l { team: ml } }\nspec: { annotations: *l }\n',
    });
    expect(manifest.spec).toEqual({ annotations: { team: 'ml' } });
  });
});

describe('manifest files that are not manifests', () => {
  it("refuses a file over 2 MiB before reading it, with the bounded reader's code as cause", async () => {
    const path = join(work, 'huge.yaml');
    writeFileSync(path, `metadata: {name: x}\nspec: {}\n# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const error = await readSeldonManifest({ path }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SELDON_MANIFEST_UNREADABLE', cause: { code: 'FILE_TOO_LARGE' } });
    expect((error as Error).message).toContain('huge.yaml');
  });

  it('refuses a device that never ends instead of reading it forever', async () => {
    await expect(readSeldonManifest({ path: '/dev/zero' })).rejects.toMatchObject({
      code: 'SELDON_MANIFEST_UNREADABLE',
      cause: { code: 'FILE_NOT_REGULAR' },
    });
  });

  it('still reads a manifest given as a file: URL', async () => {
    const path = join(work, 'iris.yaml');
    writeFileSync(path, 'kind: SeldonDeployment\nmetadata: {name: iris}\nspec: {predictors: []}\n');
    await expect(readSeldonManifest({ path: pathToFileURL(path) })).resolves.toMatchObject({
      metadata: { name: 'iris' },
    });
  });
});
