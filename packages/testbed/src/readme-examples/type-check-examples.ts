import { join, relative } from 'node:path';
import ts from 'typescript';
import type { ReadmeExample } from './readme-examples.js';

/** Type-checks the written blocks as strict ESM TypeScript (the repository's settings); returns the diagnostics. */
export function typeCheckExamples(examples: ReadmeExample[], repositoryRoot: string): string[] {
  const config = ts.readConfigFile(join(repositoryRoot, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repositoryRoot);
  const program = ts.createProgram(
    examples.map((example) => example.file),
    {
      ...options,
      // What `tsc --init` (TypeScript 5.9) turns on: a README example must compile in such a project.
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
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
