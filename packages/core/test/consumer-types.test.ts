/**
 * The published declarations of core and the three API packages type-check
 * in a browser or edge project: `"types": []` (no @types/node), strict, no
 * skipLibCheck, under both module resolutions such projects use. Runs the real
 * `tsc` on a consumer (fixtures/browser-consumer) against the built dist/.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const consumer = fileURLToPath(new URL('./fixtures/browser-consumer/', import.meta.url));

describe('declarations without Node', () => {
  it.each(['nodenext', 'bundler'])(
    'type-check in a consumer with "types": [] and moduleResolution %s',
    async (mode) => {
      const result = await run(process.execPath, [tsc, '-p', `${consumer}tsconfig.${mode}.json`]).then(
        () => ({ code: 0, output: '' }),
        (error: { code?: number; stdout?: string }) => ({
          code: error.code ?? 1,
          output: error.stdout ?? '',
        }),
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    },
    120_000,
  );
});
