/**
 * `@ml-platform/core/yaml` on hostile and PyYAML-written texts: aliases bounded before any value is
 * built (time and heap measured in a child process), PyYAML's reading under `yamlVersion: '1.1'`
 * checked against a real PyYAML (Debian's python3-yaml), and errors that never quote the text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlPlatformError } from '@ml-platform/core';
import { parseYaml, parseYamlDocuments, YamlError, YamlErrorCode } from '@ml-platform/core/yaml';
import { describe, expect, it } from 'vitest';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function pyyamlLoadAll(text: string): unknown[] {
  const script =
    'import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(sys.stdin)), default=str))';
  return JSON.parse(execFileSync(PYTHON, ['-c', script], { input: text, encoding: 'utf8' }));
}

/** Nine levels of nine aliases each: 9^9 "lol"s once written out, in about 600 bytes. */
function billionLaughs(): string {
  const names = 'abcdefghi';
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < names.length; level += 1) {
    const previous = `*${names[level - 1]}`;
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(previous).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function thrown(run: () => unknown): YamlError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(YamlError);
    expect(error).toBeInstanceOf(MlPlatformError);
    return error as YamlError;
  }
  throw new Error('expected a YamlError');
}

describe('aliases', () => {
  it('refuses a billion-laughs text naming the source, "aliases" and the limit', () => {
    const error = thrown(() => parseYaml(billionLaughs(), { source: 'bomb.yaml' }));
    expect(error.code).toBe(YamlErrorCode.aliasLimit);
    expect(error.source).toBe('bomb.yaml');
    expect(error.message).toContain('bomb.yaml');
    expect(error.message).toContain('aliases');
    expect(error.message).toContain('10000');
  });

  it('decides a billion-laughs text in under 200 ms and 50 MB of heap (measured in a child process)', () => {
    const script = `
      import { parseYamlDocuments } from '@ml-platform/core/yaml';
      const text = ${JSON.stringify(billionLaughs())};
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      const start = performance.now();
      let code;
      try { parseYamlDocuments(text, { source: 'bomb.yaml' }); } catch (error) { code = error.code; }
      const ms = performance.now() - start;
      const heap = process.memoryUsage().heapUsed - before;
      console.log(JSON.stringify({ code, ms, heap }));`;
    const output = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    const { code, ms, heap } = JSON.parse(output) as { code: string; ms: number; heap: number };
    expect(code).toBe('YAML_ALIAS_LIMIT');
    expect(ms).toBeLessThan(200);
    expect(heap).toBeLessThan(50 * 1024 * 1024);
  });

  it('counts the text that aliases reach, against maxExpandedBytes', () => {
    const text = `big: &big "${'x'.repeat(100_000)}"\ncopies: [${Array(90).fill('*big').join(', ')}]\n`;
    const error = thrown(() => parseYaml(text, { source: 'wide.yaml' }));
    expect(error.code).toBe(YamlErrorCode.aliasLimit);
    expect(error.message).toContain('maxExpandedBytes');
    expect(parseYaml(text, { source: 'wide.yaml', maxExpandedBytes: 10_000_000 })).toMatchObject({
      copies: expect.any(Array),
    });
  });

  it('shares one budget across the documents of a stream', () => {
    const doc = `a: &a [${Array(50).fill('1').join(',')}]\nb: [${Array(70).fill('*a').join(',')}]\n`;
    expect(parseYamlDocuments(doc, { source: 'one.yaml' })).toHaveLength(1);
    const error = thrown(() => parseYamlDocuments(`${doc}---\n${doc}---\n${doc}`, { source: 'three.yaml' }));
    expect(error.code).toBe(YamlErrorCode.aliasLimit);
  });

  it('honours maxAliasNodes and keeps ordinary aliases', () => {
    const text = 'base: &base { image: python:3.11, cpu: 1 }\none: *base\ntwo: { <<: *base, cpu: 2 }\n';
    expect(parseYaml(text, { source: 'ok.yaml', yamlVersion: '1.1' })).toEqual({
      base: { image: 'python:3.11', cpu: 1 },
      one: { image: 'python:3.11', cpu: 1 },
      two: { image: 'python:3.11', cpu: 2 },
    });
    expect(thrown(() => parseYaml(text, { source: 'ok.yaml', maxAliasNodes: 4 })).code).toBe(
      'YAML_ALIAS_LIMIT',
    );
  });

  it('refuses an alias inside the node it names, and an alias to no anchor', () => {
    const cycle = thrown(() => parseYaml('a: &a [1, *a]\n', { source: 'cycle.yaml' }));
    expect(cycle.code).toBe(YamlErrorCode.aliasLimit);
    expect(cycle.message).toContain('aliases');
    const unknown = thrown(() => parseYaml('a: *nowhere\n', { source: 'dangling.yaml' }));
    expect(unknown.code).toBe(YamlErrorCode.invalid);
    expect(unknown.message).toContain('dangling.yaml');
  });
});

describe('errors', () => {
  it('names the source, line and column of invalid YAML without quoting the text', () => {
    const text = 'user: dev\npassword: "s3cr3t-hunter2\nnext: [\n';
    const error = thrown(() => parseYaml(text, { source: 'kubeconfig ~/.kube/config' }));
    expect(error.code).toBe(YamlErrorCode.invalid);
    expect(error.message).toMatch(
      /^kubeconfig ~\/\.kube\/config is not valid YAML: .* at line \d+, column \d+\.$/,
    );
    expect(error.message).not.toContain('s3cr3t');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses several documents where one is expected, and reads an empty text as null', () => {
    const error = thrown(() => parseYaml('a: 1\n---\nb: 2\n', { source: 'two.yaml' }));
    expect(error.code).toBe(YamlErrorCode.invalid);
    expect(error.message).toContain('2 documents');
    expect(parseYaml('', { source: 'empty.yaml' })).toBeNull();
    expect(parseYamlDocuments('a: 1\n---\nb: 2\n', { source: 'two.yaml' })).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('refuses nesting deep enough to exhaust the stack (or abort the process) with YAML_INVALID', () => {
    for (const depth of [300, 5_000, 20_000]) {
      const error = thrown(() =>
        parseYaml(`${'['.repeat(depth)}${']'.repeat(depth)}`, { source: 'deep.yaml' }),
      );
      expect(error.code).toBe(YamlErrorCode.invalid);
      expect(error.message).toContain('levels deep');
    }
    const nested = (depth: number): string => (depth === 0 ? '1' : `[${nested(depth - 1)}]`);
    expect(JSON.stringify(parseYaml(nested(200), { source: 'deep.yaml' }))).toBe(nested(200));
  });

  it('keeps the last of repeated keys by default and refuses them with duplicateKeys: error', () => {
    expect(parseYaml('a: 1\na: 2\n', { source: 'dup.yaml' })).toEqual({ a: 2 });
    const error = thrown(() => parseYaml('a: 1\na: 2\n', { source: 'dup.yaml', duplicateKeys: 'error' }));
    expect(error.code).toBe(YamlErrorCode.invalid);
    expect(error.message).toContain('line 2, column 1');
  });
});

describe("yamlVersion: '1.1' reads as PyYAML does", () => {
  const scalars = ['yes', 'No', 'on', 'OFF', 'y', '1e3', '1.0e+3', '0o17', '017', '0x1F', '0b101', '1_000'];
  const text = `${scalars.map((scalar) => `- ${scalar}`).join('\n')}\n- ~\n- '1e3'\n`;

  it('resolves plain scalars as PyYAML safe_load', () => {
    expect(parseYamlDocuments(text, { source: 'scalars.yaml', yamlVersion: '1.1' })).toEqual(
      pyyamlLoadAll(text),
    );
  });

  it("resolves them by YAML 1.2's core schema by default", () => {
    expect(parseYaml('- yes\n- 1e3\n- 0o17\n', { source: 'scalars.yaml' })).toEqual(['yes', 1000, 15]);
  });

  it('reads quoted scalars whose continuation lines PyYAML wrote at the column of the "-"', () => {
    // The shape of kfp's compiled `sh -c` scripts (upstream's pipeline_with_secret_as_env.yaml).
    const written = [
      'command:',
      '  - sh',
      '  - "\\nif ! [ -x \\"$(command -v pip)\\" ]; then\\n    python3 -m ensurepip ||\\',
      '  \\ python3 -m ensurepip --user\\nfi\\n"',
      "  - 'program_path=$(mktemp -d)",
      '',
      '',
      '  printf "%s" "$0"',
      '',
      "  '",
      '',
    ].join('\n');
    const [python] = pyyamlLoadAll(written);
    expect(parseYaml(written, { source: 'pipeline.yaml', yamlVersion: '1.1' })).toEqual(python);
    // YAML 1.2 proper refuses it, naming the line.
    expect(thrown(() => parseYaml(written, { source: 'pipeline.yaml' })).message).toContain('line 3');
  });
});
