// Upstream's compiled pipelines (kfp 2.17.0 test data), read from the shared folder beside the
// repository at test time, never copied into it.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixturesDir = resolve(repoRoot, '..', 'shared', 'fixtures', 'kfp-pipelines');

export const fixturePath = (kind: 'valid' | 'invalid', name: string) => join(fixturesDir, kind, name);
export const listFixtures = (kind: 'valid' | 'invalid') => readdirSync(join(fixturesDir, kind)).sort();

/** A value of each declared type, to give every required input of a fixture. */
export const SAMPLE_VALUES: Record<string, unknown> = {
  STRING: 'text',
  NUMBER_INTEGER: 3,
  NUMBER_DOUBLE: 0.5,
  BOOLEAN: true,
  LIST: ['a'],
  STRUCT: { key: 'value' },
};
