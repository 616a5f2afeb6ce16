// Runs and type-checks the ```ts code blocks of a package README, so an
// example that no longer works fails a test. Blocks fenced ```ts run; blocks
// fenced ```ts no-run (they need a real cluster) are type-checked only.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface ReadmeExample {
  /** 1-based line of the opening fence, for test names. */
  line: number;
  code: string;
  runnable: boolean;
  /** Where the block was written, once {@link writeExamples} ran. */
  file: string;
}

export async function readmeExamples(readme: string): Promise<ReadmeExample[]> {
  const text = await readFile(readme, 'utf8');
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

/** Type-checks the written blocks as strict ESM TypeScript (the repository's settings); returns the diagnostics. */
export function typeCheckExamples(examples: ReadmeExample[], repositoryRoot: string): string[] {
  const config = ts.readConfigFile(join(repositoryRoot, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repositoryRoot);
  const program = ts.createProgram(
    examples.map((example) => example.file),
    {
      ...options,
      // Found from the repository, not from the working directory (tests may have changed it).
      typeRoots: [join(repositoryRoot, 'node_modules', '@types')],
      noEmit: true,
      declaration: false,
      declarationMap: false,
      sourceMap: false,
    },
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(repositoryRoot, diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}
