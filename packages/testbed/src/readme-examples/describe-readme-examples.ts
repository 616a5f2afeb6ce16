// The README's examples are tests: every ```ts block is type-checked and run
// against an in-memory API (a package's fake) whose requests Prism checks
// against the upstream spec. The blocks call the real global fetch, which is
// swapped for the fake, so they read exactly as a user would write them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeApi } from '../fetch-fakes/spec-checked-fake.js';
import { type MockedApi, type PrismServer, startPrism } from '../prism.js';
import { readmeExamples, removeExamples, writeExamples } from './readme-examples.js';
import { typeCheckExamples } from './type-check-examples.js';

export interface ReadmeExamplesSuite {
  /** The package directory, holding README.md and test/. */
  packageDir: string;
  /** The spec Prism checks every request of the examples against. */
  api: MockedApi;
  /** Fewest runnable examples the README must have, so a lost fence does not pass unnoticed. */
  minimumRunnable: number;
  /** The in-memory API the examples talk to, given Prism's URL. */
  fake: (prismUrl: string) => FakeApi;
  /** Environment variables the examples read (their tokens). */
  env?: Record<string, string>;
  /**
   * Files the examples read (a compiled pipeline). When given, the examples
   * run in a temporary directory holding them, which is also their HOME.
   */
  workingDirectory?: { prefix: string; files: Record<string, string> };
}

/**
 * Declares the README's example tests. They run in order on purpose: later
 * examples build on what earlier ones created.
 */
export function describeReadmeExamples(suite: ReadmeExamplesSuite): void {
  const repositoryRoot = join(suite.packageDir, '..', '..');
  const examplesDir = join(suite.packageDir, 'test', `.readme-examples-${process.pid}`);
  const examples = readmeExamples(join(suite.packageDir, 'README.md'));
  const originalCwd = process.cwd();
  let prism: PrismServer | undefined;
  let fake: FakeApi;
  let sandbox: string | undefined;

  beforeAll(async () => {
    prism = await startPrism(suite.api);
    fake = suite.fake(prism.url);
    if (suite.workingDirectory) {
      sandbox = await mkdtemp(join(tmpdir(), suite.workingDirectory.prefix));
      for (const [name, content] of Object.entries(suite.workingDirectory.files)) {
        await writeFile(join(sandbox, name), content);
      }
      process.chdir(sandbox);
      vi.stubEnv('HOME', sandbox);
    }
    for (const [name, value] of Object.entries(suite.env ?? {})) vi.stubEnv(name, value);
    vi.stubGlobal('fetch', fake.fetch);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await writeExamples(examples, examplesDir);
  });

  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    process.chdir(originalCwd);
    await removeExamples(examplesDir);
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
    await prism?.stop();
  });

  describe('README examples', () => {
    it(`has at least ${suite.minimumRunnable} runnable examples`, () => {
      expect(examples.filter((example) => example.runnable).length).toBeGreaterThanOrEqual(
        suite.minimumRunnable,
      );
    });

    it('type-check as strict TypeScript', () => {
      expect(typeCheckExamples(examples, repositoryRoot)).toEqual([]);
    });

    for (const example of examples.filter((candidate) => candidate.runnable)) {
      it(`runs the example at README.md:${example.line} with requests the spec accepts`, async () => {
        await import(pathToFileURL(example.file).href);
        expect(fake.violations).toEqual([]);
      });
    }
  });
}
