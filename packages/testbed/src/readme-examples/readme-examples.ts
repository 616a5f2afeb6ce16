// The ```ts code blocks of a package README, as files a test can type-check
// and run, so an example that no longer works fails a test. Blocks fenced
// ```ts run; blocks fenced ```ts no-run (they need a real cluster) are
// type-checked only.
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReadmeExample {
  /** 1-based line of the opening fence, for test names. */
  line: number;
  code: string;
  runnable: boolean;
  /** Where the block was written, once {@link writeExamples} ran. */
  file: string;
}

/** Read synchronously, so a test file can name one test per example while it is collected. */
export function readmeExamples(readme: string): ReadmeExample[] {
  const text = readFileSync(readme, 'utf8');
  const examples: ReadmeExample[] = [];
  const fence = /^```ts( no-run)?[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split('\n').length;
    examples.push({ line, code: match[2] ?? '', runnable: match[1] === undefined, file: '' });
  }
  return examples;
}

/** Writes each block to `<dir>/readme-line-<n>.ts`; inside the package, so its imports resolve like a user's. */
export async function writeExamples(examples: ReadmeExample[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const example of examples) {
    example.file = join(dir, `readme-line-${example.line}.ts`);
    await writeFile(example.file, example.code);
  }
}

export async function removeExamples(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
