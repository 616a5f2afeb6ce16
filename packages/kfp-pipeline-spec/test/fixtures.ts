// Upstream's compiled pipelines, read from the shared folder beside the repository at test time
// (never copied into the repository), and what their kfp-written headers say about them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixturesDir = resolve(repoRoot, '..', 'shared', 'fixtures', 'kfp-pipelines');

export const fixturePath = (kind: 'valid' | 'invalid', name: string) => join(fixturesDir, kind, name);
export const listFixtures = (kind: 'valid' | 'invalid') => readdirSync(join(fixturesDir, kind)).sort();

export interface HeaderInput {
  name: string;
  type: string;
  hasDefault: boolean;
}

// The kfp compiler writes "# Name: <pipelineInfo.name>" and "# Inputs:" / "#    name: type [Default: v]"
// above every package: an oracle for the loader that does not come from parsing the YAML body.
const PYTHON_TYPES: Record<string, string> = {
  int: 'NUMBER_INTEGER',
  float: 'NUMBER_DOUBLE',
  str: 'STRING',
  bool: 'BOOLEAN',
  list: 'LIST',
  dict: 'STRUCT',
};

export function readHeader(path: string): { name: string; inputs: HeaderInput[] } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const name = lines.find((line) => line.startsWith('# Name: '))?.slice('# Name: '.length) ?? '';
  const inputs: HeaderInput[] = [];
  const start = lines.indexOf('# Inputs:');
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      const match = /^# {4}([^:]+): (\w+)( \[Default: .*\])?$/.exec(line);
      if (!match) break;
      const [, inputName = '', pythonType = ''] = match;
      inputs.push({ name: inputName, type: PYTHON_TYPES[pythonType] ?? pythonType, hasDefault: !!match[3] });
    }
  }
  return { name, inputs };
}
