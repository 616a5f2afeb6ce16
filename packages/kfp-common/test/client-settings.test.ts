// A KFP client carries its default namespace and UI base URL itself, as data on the client object,
// so any copy of @ml-platform/kfp-common reads them (kfp-v1 and kfp-v2 may resolve different copies),
// and nothing outlives or shadows the client in a side table.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { namespaceFor, setClientNamespace, setClientUiBaseUrl, uiBaseUrlOf } from '@ml-platform/kfp-common';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kfp-common-settings-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("a KFP client's settings", () => {
  it('are on the client, out of sight: not an own enumerable key, not in a spread copy', () => {
    const kfp = createKfpV2Client({
      baseUrl: 'http://127.0.0.1:1/pipeline',
      uiBaseUrl: 'http://127.0.0.1:2/',
      namespace: 'team-a',
    });
    expect(Object.keys(kfp)).not.toContain(String(Symbol.for('@ml-platform/kfp-common.settings')));
    expect(Object.getOwnPropertySymbols(kfp)).toContain(Symbol.for('@ml-platform/kfp-common.settings'));
    expect(uiBaseUrlOf(kfp)).toBe('http://127.0.0.1:2');
    expect(uiBaseUrlOf({ ...kfp })).toBeUndefined();
  });

  it('default the UI base URL to baseUrl and keep what was set before when one more is set', async () => {
    const kfp = createKfpV2Client({ baseUrl: 'http://127.0.0.1:1/pipeline/', namespace: 'team-a' });
    expect(uiBaseUrlOf(kfp)).toBe('http://127.0.0.1:1/pipeline');
    setClientUiBaseUrl(kfp, 'http://127.0.0.1:3');
    expect(uiBaseUrlOf(kfp)).toBe('http://127.0.0.1:3');
    expect(await namespaceFor(kfp, undefined)).toBe('team-a');
    setClientNamespace(kfp, 'team-b');
    expect(await namespaceFor(kfp, undefined)).toBe('team-b');
    expect(uiBaseUrlOf(kfp)).toBe('http://127.0.0.1:3');
    expect(await namespaceFor(kfp, 'given')).toBe('given');
  });

  it("namespace: 'auto' reads the context file on first use, not at creation, and once", async () => {
    const contextFile = join(scratch, 'context.json');
    const kfp = createKfpV2Client({
      baseUrl: 'http://127.0.0.1:1/pipeline',
      namespace: 'auto',
      namespaceFiles: { contextFile, serviceAccountNamespaceFile: join(scratch, 'none') },
    });
    await writeFile(contextFile, JSON.stringify({ namespace: 'from-context' }));
    expect(await namespaceFor(kfp, undefined)).toBe('from-context');
    await writeFile(contextFile, JSON.stringify({ namespace: 'changed-later' }));
    expect(await namespaceFor(kfp, undefined)).toBe('from-context');
  });

  it('are read by a second installed copy of the package', async () => {
    // Another copy on disk, as npm installs one when kfp-v1 and kfp-v2 need different releases:
    // its modules are other instances, so a side table in one is empty in the other.
    const copy = join(scratch, 'kfp-common-copy');
    await cp(join(packageDir, 'dist'), join(copy, 'dist'), { recursive: true });
    await cp(join(packageDir, 'package.json'), join(copy, 'package.json'));
    await symlink(join(packageDir, '..', '..', 'node_modules'), join(scratch, 'node_modules'));
    await writeFile(join(scratch, 'copy-context.json'), JSON.stringify({ namespace: 'from-file' }));
    const script = `
      import { createKfpV2Client } from '@ml-platform/kfp-v2';
      const copy = await import(${JSON.stringify(pathToFileURL(join(copy, 'dist', 'index.js')).href)});
      const kfp = createKfpV2Client({ baseUrl: 'http://127.0.0.1:1/pipeline', namespace: 'team-a', uiBaseUrl: 'http://ui.example' });
      // 'auto' loads the namespace lookup with import() on first use: here, in a fresh Node.js process.
      const auto = createKfpV2Client({
        baseUrl: 'http://127.0.0.1:1/pipeline',
        namespace: 'auto',
        namespaceFiles: { contextFile: ${JSON.stringify(join(scratch, 'copy-context.json'))} },
      });
      console.log(JSON.stringify({
        ui: copy.uiBaseUrlOf(kfp),
        namespace: await copy.namespaceFor(kfp, undefined),
        auto: await copy.namespaceFor(auto, undefined),
      }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: packageDir,
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ ui: 'http://ui.example', namespace: 'team-a', auto: 'from-file' });
  });
});
