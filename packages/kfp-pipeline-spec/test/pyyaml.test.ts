// The reader reads what PyYAML writes: the kfp compiler dumps packages with PyYAML, which wraps
// long strings over several lines (plain, single-quoted and double-quoted, with escapes). Here a
// real PyYAML (python3 -c, Debian's python3-yaml) dumps specs full of such strings.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadPipelinePackage } from '@ml-platform/kfp-pipeline-spec';
import { describe, expect, it } from 'vitest';
import { fixturePath, listFixtures } from './fixtures.js';

// kfp's compiler: yaml.dump(spec, sort_keys=True) after json.loads of the protojson.
const DUMP = 'import json, sys, yaml; sys.stdout.write(yaml.dump(json.load(sys.stdin), sort_keys=True))';

// Debian's python3, where .ci/run installs python3-yaml; a PATH python3 (pyenv, venv) may lack PyYAML.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function pyyamlDump(value: unknown): string {
  return execFileSync(PYTHON, ['-c', DUMP], { input: JSON.stringify(value), encoding: 'utf8' });
}

const tricky = [
  `${'word '.repeat(60)}end`,
  `quote ' and "double" ${'x'.repeat(120)} tail`,
  `tabs\tand\nnewlines\n\n  indented\n${'y '.repeat(70)}`,
  `unicode é ü 日本 ${'z'.repeat(100)} \\ backslash`,
  `: colon-led ${'a-'.repeat(80)}`,
  ` leading and trailing spaces ${'b '.repeat(60)} `,
  'yes',
  'null',
  '2024-01-02',
  '0x1F',
  '1e3',
];

// Plain scalars whose meaning differs between YAML 1.1 (PyYAML) and YAML 1.2 (the `yaml`
// package's core schema), or that sit on the edge of a pattern.
const PLAIN_SCALARS = [
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'true',
  'False',
  '1e3',
  '1.0e+3',
  '1.0e3',
  '1.5',
  '.5',
  '5.',
  '0o17',
  '017',
  '0x1F',
  '0b101',
  '1_000',
  '1:30',
  '1:30.5',
  '190:20:30',
  '~',
  'null',
  'Null',
  '2024-01-02',
  '2001-12-14t21:59:43.10-05:00',
  '12:30:00',
  '+1',
  '-0',
  '0.0',
  '1e',
  '0x',
  '08',
  '09.5',
];

describe('PyYAML output', () => {
  it('resolves plain scalars exactly as PyYAML safe_load does', async () => {
    const text = `pipelineInfo:\n  name: scalars\nroot:\n  dag:\n    tasks: {}\nschemaVersion: 2.1.0\ndeploymentSpec:\n  values:\n${PLAIN_SCALARS.map((scalar) => `  - ${scalar}`).join('\n')}\n  empty:\n`;
    const python = JSON.parse(
      execFileSync(
        PYTHON,
        [
          '-c',
          'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)["deploymentSpec"], default=str))',
        ],
        { input: text, encoding: 'utf8' },
      ),
    );
    const pkg = await loadPipelinePackage({ text, name: 'scalars.yaml' });
    const values = (pkg.pipelineSpec.deploymentSpec as { values: unknown[] }).values;
    // PyYAML makes datetimes and dates of timestamps (json.dumps(default=str) prints them); both
    // readers agree on everything else, and timestamps stay the text that was written here.
    const isTimestamp = (scalar: string) => /^\d{4}-\d\d-\d\d/.test(scalar);
    PLAIN_SCALARS.forEach((scalar, index) => {
      expect([scalar, values[index]]).toEqual([scalar, isTimestamp(scalar) ? scalar : python.values[index]]);
    });
    expect(python.empty).toBeNull();
    expect(Object.hasOwn(pkg.pipelineSpec.deploymentSpec as object, 'empty')).toBe(true);
  });

  it('reads long wrapped strings of every style back exactly', async () => {
    const base = (await loadPipelinePackage(fixturePath('valid', 'add_numbers.yaml'))).pipelineSpec;
    const spec = structuredClone(base) as {
      pipelineInfo: Record<string, unknown>;
      deploymentSpec: { executors: Record<string, { container: { args: string[] } }> };
    };
    spec.pipelineInfo.description = tricky[0];
    const executor = Object.values(spec.deploymentSpec.executors)[0];
    if (!executor) throw new Error('add_numbers.yaml has an executor');
    executor.container.args = tricky;
    const text = pyyamlDump(spec);
    expect(text.split('\n').some((line) => line.length < 100 && line.trim().startsWith('word'))).toBe(true);
    const pkg = await loadPipelinePackage({ text, name: 'pyyaml.yaml' });
    expect(pkg.pipelineSpec).toEqual(spec);
  });

  it.each(listFixtures('valid'))('%s, dumped again by PyYAML, loads to the same spec', async (file) => {
    const original = await loadPipelinePackage(fixturePath('valid', file));
    const redumped = await loadPipelinePackage({ text: pyyamlDump(original.pipelineSpec), name: file });
    expect(redumped.pipelineSpec).toEqual(original.pipelineSpec);
  });

  it('reads the fixture whose embedded archive PyYAML wrapped with escaped line breaks', async () => {
    const file = fixturePath('valid', 'notebook_component_simple.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/\\\n\s+\\ /);
    const pkg = await loadPipelinePackage(file);
    const executors = (pkg.pipelineSpec.deploymentSpec as { executors: Record<string, unknown> }).executors;
    expect(JSON.stringify(executors)).toContain('__KFP_EMBEDDED_ARCHIVE_B64');
  });
});
