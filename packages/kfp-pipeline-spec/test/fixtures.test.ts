// Every compiled pipeline upstream's own backend tests submit loads; every package the KFP API
// server must refuse is refused, with the file named and the reason given.
import { readFileSync } from 'node:fs';
import { fromJson, toJson } from '@bufbuild/protobuf';
import {
  InvalidPipelinePackageError,
  loadPipelinePackage,
  PipelineSpecSchema,
} from '@ml-platform/kfp-pipeline-spec';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixturePath, listFixtures, readHeader } from './fixtures.js';

const valid = listFixtures('valid');

describe('valid upstream fixtures', () => {
  it('finds the fixtures', () => {
    expect(valid.length).toBeGreaterThanOrEqual(30);
  });

  it.each(valid)('%s loads with the name and inputs its header declares', async (file) => {
    const path = fixturePath('valid', file);
    const header = readHeader(path);
    const pkg = await loadPipelinePackage(path);
    expect(pkg.pipelineName).toBe(header.name);
    expect(pkg.sourceName).toBe(path);
    expect(
      pkg.parameters.map((parameter) => ({
        name: parameter.name,
        type: parameter.type,
        hasDefault: parameter.defaultValue !== undefined,
      })),
    ).toEqual(header.inputs);
    // What is sent is protojson the server reads back to the same message.
    expect(toJson(PipelineSpecSchema, fromJson(PipelineSpecSchema, pkg.pipelineSpec as never))).toEqual(
      pkg.pipelineSpec,
    );
    expect((pkg.pipelineSpec.pipelineInfo as { name: string }).name).toBe(header.name);
  });

  it.each(valid)('%s has a platform spec exactly when it has a second YAML document', async (file) => {
    const path = fixturePath('valid', file);
    const text = readFileSync(path, 'utf8');
    const pkg = await loadPipelinePackage(path);
    const second = text.split(/^---$/m)[1];
    if (second) {
      const platforms = (parse(second, { version: '1.1' }) as { platforms: Record<string, unknown> })
        .platforms;
      expect(Object.keys(pkg.platformSpec?.platforms as object)).toEqual(Object.keys(platforms));
    } else {
      expect(pkg.platformSpec).toBeUndefined();
    }
  });

  it('keeps default values and optional flags as declared', async () => {
    const retry = await loadPipelinePackage(fixturePath('valid', 'pipeline_with_retry.yaml'));
    expect(retry.parameters).toEqual([
      { name: 'a', type: 'NUMBER_DOUBLE', optional: true, defaultValue: 1 },
      { name: 'b', type: 'NUMBER_DOUBLE', optional: true, defaultValue: 7 },
    ]);
    const twoStep = await loadPipelinePackage(fixturePath('valid', 'two_step_pipeline_containerized.yaml'));
    expect(twoStep.parameters).toEqual([
      { name: 'text', type: 'STRING', optional: false, defaultValue: 'Hello KFP Containerized!' },
    ]);
  });

  it('reads the Kubernetes settings of the platform spec', async () => {
    const pkg = await loadPipelinePackage(fixturePath('valid', 'pipeline_with_secret_as_env.yaml'));
    const platforms = (pkg.platformSpec?.platforms ?? {}) as Record<string, { deploymentSpec: unknown }>;
    const kubernetes = platforms.kubernetes;
    expect(JSON.stringify(kubernetes?.deploymentSpec)).toContain('secretAsEnv');
    expect(pkg.platform?.platforms.kubernetes).toBeDefined();
  });
});

const invalidReasons: Record<string, RegExp> = {
  'empty_file.yaml': /empty or holds only comments/,
  'empty_zip.zip': /not a zip or gzip file/,
  'invalid-zip.zip': /invalid_yaml\.yaml inside\): .*key "components_1" is unknown/,
  'invalid_yaml.yaml': /key "components_1" is unknown/,
  'no_name.yaml': /pipelineInfo\.name is empty or missing/,
  'wrong_format.png': /unexpected pipeline file format "\.png"/,
};

describe('invalid upstream fixtures', () => {
  it('has a reason for every invalid fixture', () => {
    expect(listFixtures('invalid')).toEqual(Object.keys(invalidReasons).sort());
  });

  it.each(Object.entries(invalidReasons))('%s is refused, naming the file', async (file, reason) => {
    const path = fixturePath('invalid', file);
    const error = await loadPipelinePackage(path).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidPipelinePackageError);
    const { code, message, sourceName } = error as InvalidPipelinePackageError;
    expect(code).toBe('KFP_INVALID_PIPELINE_PACKAGE');
    expect(message).toContain(path);
    expect(message).toMatch(reason);
    expect(sourceName).toBe(path);
  });
});
