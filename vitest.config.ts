import { defineConfig } from 'vitest/config';

// One vitest run for the whole repository. Tests import packages by name, so
// they exercise the built `dist/` the way users do (`npm test` builds first).
// The type tests (`*.test-d.ts`) are compiled by `tsc -p tsconfig.typetests.json`,
// a stage of its own in `npm test`.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'scripts/test/**/*.test.ts', 'examples/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Vitest 5 clears every mock's calls before each test by default; tests here read the calls
    // that earlier tests in the file made (e.g. a README example's console output), as on Vitest 4.
    clearMocks: false,
  },
});
