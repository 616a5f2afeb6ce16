// Every kind of source (path, text, Blob/File, parsed object), the ways each goes wrong, and the
// promise that the caller's object or file is never changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidPipelinePackageError,
  loadPipelinePackage,
  MAX_PIPELINE_PACKAGE_BYTES,
  type PipelineSource,
} from '@ml-platform/kfp-pipeline-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixturePath } from './fixtures.js';

const addNumbersPath = fixturePath('valid', 'add_numbers.yaml');
const addNumbersText = readFileSync(addNumbersPath, 'utf8');
const withPlatformPath = fixturePath('valid', 'pipeline_with_secret_as_env.yaml');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kfp-pipeline-spec-sources-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function refusal(source: PipelineSource, options?: { signal?: AbortSignal }) {
  const error = await loadPipelinePackage(source, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidPipelinePackageError);
  expect((error as InvalidPipelinePackageError).code).toBe('KFP_INVALID_PIPELINE_PACKAGE');
  return error as InvalidPipelinePackageError;
}

// The oracle for the fixture PyYAML wrote with quoted lines the YAML 1.2 readers refuse: PyYAML.
function pyyamlLoadAll(text: string): unknown[] {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const script = 'import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(sys.stdin))))';
  return JSON.parse(execFileSync(python, ['-c', script], { input: text, encoding: 'utf8' }));
}

const parsedAddNumbers = () => parse(addNumbersText, { version: '1.1' }) as Record<string, unknown>;

describe('sources', () => {
  it('reads { text, name } and names it in messages', async () => {
    const pkg = await loadPipelinePackage({ text: addNumbersText, name: 'add.yaml' });
    expect(pkg.pipelineName).toBe('add-numbers');
    expect(pkg.sourceName).toBe('add.yaml');
  });

  it('reads { text } without a name, YAML or JSON', async () => {
    const fromYaml = await loadPipelinePackage({ text: addNumbersText });
    expect(fromYaml.sourceName).toBe('the given text');
    const fromJson = await loadPipelinePackage({ text: JSON.stringify(parsedAddNumbers()) });
    expect(fromJson.pipelineSpec).toEqual(fromYaml.pipelineSpec);
  });

  it('reads nameless JSON as JSON (1e3 is a number) and a nameless YAML flow mapping as YAML', async () => {
    const json =
      '{"pipelineInfo": {"name": "j"}, "root": {}, "schemaVersion": "2.1.0", "deploymentSpec": {"n": 1e3}}';
    expect((await loadPipelinePackage({ text: json })).pipelineSpec.deploymentSpec).toEqual({ n: 1000 });
    const flow = '{pipelineInfo: {name: f}, root: {}, schemaVersion: 2.1.0, deploymentSpec: {n: 1e3}}';
    const fromFlow = await loadPipelinePackage({ text: flow });
    expect(fromFlow.pipelineName).toBe('f');
    expect(fromFlow.pipelineSpec.deploymentSpec).toEqual({ n: '1e3' });
  });

  it('reads a .json file', async () => {
    const path = join(work, 'add.json');
    writeFileSync(path, JSON.stringify(parsedAddNumbers(), null, 2));
    expect((await loadPipelinePackage(path)).pipelineName).toBe('add-numbers');
  });

  it('reads a Blob and a File', async () => {
    const blob = await loadPipelinePackage(new Blob([addNumbersText]));
    expect(blob.pipelineName).toBe('add-numbers');
    expect(blob.sourceName).toBe('the given Blob');
    const file = await loadPipelinePackage(new File([addNumbersText], 'add_numbers.yaml'));
    expect(file.sourceName).toBe('add_numbers.yaml');
  });

  it('reads an already-parsed object and the { pipeline_spec, platform_spec } of kfp', async () => {
    const [spec, platform] = pyyamlLoadAll(readFileSync(withPlatformPath, 'utf8')) as object[];
    const fromObject = await loadPipelinePackage(spec as object);
    expect(fromObject.sourceName).toBe('the given object');
    expect(fromObject.platformSpec).toBeUndefined();
    const fromDict = await loadPipelinePackage({ pipeline_spec: spec, platform_spec: platform });
    const fromFile = await loadPipelinePackage(withPlatformPath);
    expect(fromDict.pipelineSpec).toEqual(fromFile.pipelineSpec);
    expect(fromDict.platformSpec).toEqual(fromFile.platformSpec);
  });

  it('returns protojson: camelCase keys, enum names, no implicit defaults', async () => {
    const pkg = await loadPipelinePackage(addNumbersPath);
    const root = pkg.pipelineSpec.root as { inputDefinitions: { parameters: Record<string, unknown> } };
    expect(root.inputDefinitions.parameters.a).toEqual({ parameterType: 'NUMBER_INTEGER' });
    expect(pkg.pipelineSpec.schemaVersion).toBe('2.1.0');
    expect(pkg.spec.pipelineInfo?.name).toBe('add-numbers');
  });
});

describe('the caller’s object and file are never changed', () => {
  it('leaves a parsed object exactly as it was, and shares nothing with it', async () => {
    const spec = parsedAddNumbers();
    const before = structuredClone(spec);
    const pkg = await loadPipelinePackage(spec);
    expect(spec).toEqual(before);
    (pkg.pipelineSpec.pipelineInfo as { name: string }).name = 'changed';
    (
      (pkg.pipelineSpec.root as { dag: { tasks: Record<string, unknown> } }).dag.tasks as Record<
        string,
        unknown
      >
    ).x = 1;
    expect(spec).toEqual(before);
  });

  it('leaves a file byte for byte as it was', async () => {
    const path = join(work, 'unchanged.yaml');
    writeFileSync(path, readFileSync(withPlatformPath));
    const digest = () => createHash('sha256').update(readFileSync(path)).digest('hex');
    const before = digest();
    await loadPipelinePackage(path);
    expect(digest()).toBe(before);
  });
});

describe('bad sources', () => {
  it('a missing file names the path', async () => {
    const missing = join(work, 'nope.yaml');
    const error = await refusal(missing);
    expect(error.message).toContain(missing);
    expect(error.message).toMatch(/does not exist/);
  });

  it('a directory', async () => {
    expect((await refusal(work)).message).toMatch(/not a regular file/);
  });

  it('an empty path', async () => {
    expect((await refusal('')).message).toMatch(/path is empty/);
  });

  it.each([
    [null, /got null/],
    [42, /got number/],
    [new Uint8Array([1, 2]), /wrap them in a Blob or File/],
  ])('%s is not a source', async (source, reason) => {
    expect((await refusal(source as PipelineSource)).message).toMatch(reason);
  });

  it('text that is not YAML says where, without quoting the file', async () => {
    const text = 'env:\n  PASSWORD: hunter2-secret\npipelineInfo: [unclosed\nroot: {}\n';
    const error = await refusal({ text, name: 'broken.yaml' });
    expect(error.message).toMatch(
      /^Invalid pipeline package broken\.yaml: it is not valid YAML: .+ at line \d+, column \d+\.$/,
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('JSON that does not parse', async () => {
    expect((await refusal({ text: '{"pipelineInfo": ', name: 'p.json' })).message).toMatch(/not valid JSON/);
  });

  it('bytes that are not UTF-8 text', async () => {
    const error = await refusal(new File([new Uint8Array([0xc3, 0x28, 0xff])], 'binary.yaml'));
    expect(error.message).toMatch(/not UTF-8 text/);
  });

  it('a document that is not a mapping', async () => {
    expect((await refusal({ text: '- a\n- b\n' })).message).toMatch(/first document is a list/);
  });

  it('an unknown field deep inside, as protojson reports it', async () => {
    const spec = parsedAddNumbers();
    (spec.pipelineInfo as Record<string, unknown>).colour = 'blue';
    expect((await refusal(spec)).message).toMatch(/key "colour" is unknown/);
  });

  it('a wrong type for a field', async () => {
    const spec = parsedAddNumbers();
    spec.pipelineInfo = { name: 'x', displayName: 7 };
    expect((await refusal(spec)).message).toMatch(
      /not a valid PipelineSpec: .*display_name from JSON: expected string/,
    );
  });

  it('a string where another type belongs, without quoting the value', async () => {
    const spec = parsedAddNumbers();
    const root = spec.root as { dag: { tasks: Record<string, { cachingOptions: Record<string, unknown> }> } };
    const task = Object.values(root.dag.tasks)[0];
    if (!task) throw new Error('add_numbers.yaml has a task');
    task.cachingOptions.enableCache = 'hunter2';
    const error = await refusal(spec);
    expect(error.message).toMatch(/enable_cache from JSON: expected boolean, got a string/);
    expect(error.message).not.toContain('hunter2');
  });

  it('an unknown enum value, named', async () => {
    const spec = parsedAddNumbers();
    const root = spec.root as { inputDefinitions: { parameters: { a: { parameterType: string } } } };
    root.inputDefinitions.parameters.a.parameterType = 'NUMBER_COMPLEX';
    expect((await refusal(spec)).message).toMatch(
      /not a valid PipelineSpec: .*ParameterTypeEnum from JSON: "NUMBER_COMPLEX"/,
    );
  });

  it('a schema version the server does not run', async () => {
    const spec = { ...parsedAddNumbers(), schemaVersion: '2.0.0' };
    expect((await refusal(spec)).message).toMatch(
      /schemaVersion is "2\.0\.0"; the KFP server only accepts 2\.1\.0/,
    );
  });

  it('no root component', async () => {
    const { root: _root, ...spec } = parsedAddNumbers();
    expect((await refusal(spec)).message).toMatch(/no root component/);
  });

  it('two pipeline specs in one file', async () => {
    const error = await refusal({ text: `${addNumbersText}\n---\n${addNumbersText}`, name: 'twice.yaml' });
    expect(error.message).toMatch(/holds 2 YAML documents that are not platform specs/);
  });

  it('a platform spec that is not valid', async () => {
    const text = `${addNumbersText}\n---\nplatforms:\n  kubernetes:\n    colour: blue\n`;
    expect((await refusal({ text, name: 'p.yaml' })).message).toMatch(/platform spec is not valid: .*colour/);
  });

  it('a file larger than the server accepts', async () => {
    const big = join(work, 'big.yaml');
    writeFileSync(big, new Uint8Array(MAX_PIPELINE_PACKAGE_BYTES + 1));
    expect((await refusal(big)).message).toMatch(/the limit is 33554432 bytes \(32 MiB/);
    expect(
      (await refusal(new File([new Uint8Array(MAX_PIPELINE_PACKAGE_BYTES + 1)], 'big.yaml'))).message,
    ).toMatch(/the limit is 33554432 bytes/);
  });

  it('an aborted load rejects with the signal’s reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(loadPipelinePackage(addNumbersPath, { signal: controller.signal })).rejects.toThrow('stop');
  });
});
