/**
 * Every TypeScript block of every README compiles as pasted: the root README,
 * each package's and the examples'. A block that uses a name it does not
 * import or declare fails here. (The API packages' READMEs also run their
 * blocks against Prism-checked fakes in their own helpers-readme tests.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readmeExamples,
  removeExamples,
  typeCheckExamples,
  writeExamples,
} from '../src/readme-examples/index.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Each README and the directory its blocks are written into, so their imports resolve as a user's would. */
const READMES = [
  { readme: join(ROOT, 'README.md'), home: join(ROOT, 'examples') },
  { readme: join(ROOT, 'examples', 'README.md'), home: join(ROOT, 'examples') },
  ...readdirSync(join(ROOT, 'packages'))
    .map((name) => join(ROOT, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'README.md')))
    .map((dir) => ({ readme: join(dir, 'README.md'), home: dir })),
];

const suites = READMES.map(({ readme, home }) => ({
  name: relative(ROOT, readme),
  examples: readmeExamples(readme),
  dir: join(home, `.readme-type-check-${process.pid}`),
})).filter((suite) => suite.examples.length > 0);
let diagnostics: string[] = [];

// One program for every block: one type-check instead of one per README.
beforeAll(async () => {
  for (const suite of suites) await writeExamples(suite.examples, suite.dir);
  diagnostics = typeCheckExamples(
    suites.flatMap((suite) => suite.examples),
    ROOT,
  );
}, 120_000);
afterAll(async () => {
  await Promise.all(suites.map((suite) => removeExamples(suite.dir)));
});

describe('README code blocks type-check as pasted', () => {
  it('finds the READMEs and their blocks', () => {
    expect(suites.map((suite) => suite.name)).toEqual(
      expect.arrayContaining(['README.md', 'packages/core/README.md']),
    );
  });
  for (const suite of suites) {
    it(`${suite.name} (${suite.examples.length} blocks)`, () => {
      const prefix = `${relative(ROOT, suite.dir)}/`;
      expect(diagnostics.filter((line) => line.startsWith(prefix))).toEqual([]);
    });
  }
  it('has no diagnostic outside the blocks', () => {
    expect(
      diagnostics.filter((line) => !suites.some((suite) => line.startsWith(relative(ROOT, suite.dir)))),
    ).toEqual([]);
  });
});
