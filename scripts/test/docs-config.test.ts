// The reference documentation covers what users can import: every code subpath
// in the `exports` of every published package is an entry point of typedoc.json,
// named as users import it, so a new subpath cannot ship without its reference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
