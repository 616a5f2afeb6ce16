// The reference documentation covers what users can import: every code subpath
// in the `exports` of every published package is an entry point of typedoc.json,
// named as users import it, so a new subpath cannot ship without its reference.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { realRepo } from './helpers/temp-repo.ts';

type Exports = Record<string, string | { types?: string }>;
const typedoc = JSON.parse(readFileSync(join(realRepo, 'typedoc.json'), 'utf8')) as {
  entryPoints: string[];
  validation: Record<string, boolean>;
  treatWarningsAsErrors: boolean;
  treatValidationWarningsAsErrors: boolean;
  packagesRequiringDocumentation: string[];
};

const published = readdirSync(join(realRepo, 'packages'))
  .map((dir) => ({
    dir,
    pkg: JSON.parse(readFileSync(join(realRepo, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

/** `./private-file` with types `./dist/private-file/index.d.ts` -> `packages/core/src/private-file/index.ts`. */
function codeEntryPoints(dir: string, exports: Exports) {
  return Object.entries(exports).flatMap(([subpath, target]) => {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!types) return []; // package.json, openapi.json: data, not code
    return [
      {
        subpath,
        source: `packages/${dir}/${types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts')}`,
      },
    ];
  });
}

describe('typedoc.json', () => {
  it.each(published.map(({ dir, pkg }) => [pkg.name as string, dir, pkg.exports as Exports]))(
    '%s: every code subpath of exports is an entry point, named as it is imported',
    (name, dir, exports) => {
      for (const { subpath, source } of codeEntryPoints(dir, exports)) {
        const importName = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
        expect(
          typedoc.entryPoints,
          `${importName} (${source}) is missing from typedoc.json entryPoints`,
        ).toContain(source);
        expect(existsSync(join(realRepo, source)), `${source} does not exist`).toBe(true);
        expect(readFileSync(join(realRepo, source), 'utf8')).toContain(`@module ${importName}\n`);
      }
    },
  );

  it('lists no entry point that is not a published subpath', () => {
    const all = published.flatMap(({ dir, pkg }) =>
      codeEntryPoints(dir, pkg.exports).map((entry) => entry.source),
    );
    expect([...typedoc.entryPoints].sort()).toEqual([...all].sort());
  });

  it('fails the build on an undocumented export or a broken link, in every published package', () => {
    expect(typedoc.validation).toMatchObject({ notExported: true, invalidLink: true, notDocumented: true });
    expect(typedoc.treatWarningsAsErrors).toBe(true);
    expect(typedoc.treatValidationWarningsAsErrors).toBe(true);
    // TypeDoc checks documentation only in the packages named here (by default, the root's).
    expect([...typedoc.packagesRequiringDocumentation].sort()).toEqual(
      published
        .filter(({ pkg }) => pkg.exports['.'])
        .map(({ pkg }) => pkg.name)
        .sort(),
    );
  });
});

describe("the docs build, with typedoc.json's checks, on a small package", () => {
  function docsBuild(files: Record<string, string>): Promise<{ code: number; output: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'docs-check-'));
    const files_ = {
      'package.json': JSON.stringify({ name: '@ml-platform/docs-fixture', version: '0.0.0', type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022' },
        include: ['src'],
      }),
      'typedoc.json': JSON.stringify({
        ...typedoc,
        entryPoints: ['src/index.ts'],
        tsconfig: 'tsconfig.json',
        packagesRequiringDocumentation: ['@ml-platform/docs-fixture'],
        plugin: [join(realRepo, 'scripts', 'docs', 'typedoc-generated-members.mjs')],
      }),
      ...files,
    };
    for (const [path, content] of Object.entries(files_)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const typedocBin = join(realRepo, 'node_modules', 'typedoc', 'bin', 'typedoc');
    return new Promise((done) => {
      execFile(process.execPath, [typedocBin, '--emit', 'none'], { cwd: dir }, (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        done({ code: error ? 1 : 0, output: stripVTControlCharacters(`${stdout}${stderr}`) });
      });
    });
  }

  it('fails on an undocumented export and names it, but not on an undescribed generated member', async () => {
    const { code, output } = await docsBuild({
      'src/index.ts': [
        '/**\n * The fixture.\n *\n * @module @ml-platform/docs-fixture\n */',
        "export type { components } from './generated/schema.js';",
        '/** Documented. */',
        'export function documented(): number {\n  return 1;\n}',
        'export function forgotten(): number {\n  return 2;\n}',
      ].join('\n'),
      'src/generated/schema.ts':
        '/** The schemas. */\nexport interface components {\n  undescribed: string;\n}\n',
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'forgotten (CallSignature), defined in @ml-platform/docs-fixture/src/index.ts, does not have any documentation',
    );
    expect(output).not.toContain('documented (CallSignature)');
    expect(output).toContain('Found 0 errors and 1 warnings');
    expect(output).not.toContain('undescribed');
  }, 120_000);

  it('fails on a {@link} to nothing', async () => {
    const { code, output } = await docsBuild({
      'src/index.ts':
        '/**\n * The fixture.\n *\n * @module @ml-platform/docs-fixture\n */\n/** Like {@link nowhere}. */\nexport const value = 1;\n',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Failed to resolve link to "nowhere"/);
  }, 120_000);
});
