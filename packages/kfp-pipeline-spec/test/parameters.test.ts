// Run parameters checked against a package's declared inputs, before anything is sent.
import {
  checkPipelineParameters,
  InvalidParametersError,
  type LoadedPipelinePackage,
  loadPipelinePackage,
} from '@ml-platform/kfp-pipeline-spec';
import { describe, expect, it } from 'vitest';

// A package declaring one input of each type a run can be given, compiled the way kfp writes them.
const everyType = `
pipelineInfo:
  name: every-type
root:
  dag:
    tasks: {}
  inputDefinitions:
    parameters:
      count:
        parameterType: NUMBER_INTEGER
      ratio:
        parameterType: NUMBER_DOUBLE
      label:
        parameterType: STRING
      dry_run:
        parameterType: BOOLEAN
      items:
        parameterType: LIST
      config:
        parameterType: STRUCT
      with_default:
        parameterType: STRING
        defaultValue: hello
      maybe:
        parameterType: STRING
        isOptional: true
schemaVersion: 2.1.0
sdkVersion: kfp-2.13.0
`;

const load = () => loadPipelinePackage({ text: everyType, name: 'every-type.yaml' });

const good = { count: 3, ratio: 0.5, label: 'x', dry_run: false, items: [1, 'a'], config: { a: 1 } };

function problemsOf(pkg: LoadedPipelinePackage, parameters: Record<string, unknown>) {
  try {
    checkPipelineParameters(pkg, parameters);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParametersError);
    expect((error as InvalidParametersError).code).toBe('KFP_INVALID_PARAMETERS');
    return error as InvalidParametersError;
  }
  throw new Error('expected checkPipelineParameters to throw');
}

describe('checkPipelineParameters', () => {
  it('reads the declared inputs', async () => {
    const pkg = await load();
    expect(pkg.parameters).toEqual([
      { name: 'count', type: 'NUMBER_INTEGER', optional: false },
      { name: 'ratio', type: 'NUMBER_DOUBLE', optional: false },
      { name: 'label', type: 'STRING', optional: false },
      { name: 'dry_run', type: 'BOOLEAN', optional: false },
      { name: 'items', type: 'LIST', optional: false },
      { name: 'config', type: 'STRUCT', optional: false },
      { name: 'with_default', type: 'STRING', optional: false, defaultValue: 'hello' },
      { name: 'maybe', type: 'STRING', optional: true },
    ]);
  });

  it('accepts every type given right, leaving defaults and optionals out', async () => {
    const pkg = await load();
    expect(() => checkPipelineParameters(pkg, good)).not.toThrow();
    expect(() =>
      checkPipelineParameters(pkg, { ...good, ratio: 2, with_default: 'y', maybe: 'z' }),
    ).not.toThrow();
  });

  it('lists every problem in one error, with the expected types, as message and details', async () => {
    const pkg = await load();
    const error = problemsOf(pkg, { count: 1.5, ratio: '0.5', label: 7, dry_run: 'true', colour: 'blue' });
    expect(error.details).toEqual([
      {
        kind: 'wrongType',
        name: 'count',
        expectedType: 'NUMBER_INTEGER (an integer)',
        actual: 'a number with a fraction',
      },
      { kind: 'wrongType', name: 'ratio', expectedType: 'NUMBER_DOUBLE (a number)', actual: 'a string' },
      { kind: 'wrongType', name: 'label', expectedType: 'STRING (a string)', actual: 'an integer' },
      { kind: 'wrongType', name: 'dry_run', expectedType: 'BOOLEAN (true or false)', actual: 'a string' },
      {
        kind: 'unknown',
        name: 'colour',
        declared: ['count', 'ratio', 'label', 'dry_run', 'items', 'config', 'with_default', 'maybe'],
      },
      { kind: 'missing', name: 'items', expectedType: 'LIST (an array)' },
      { kind: 'missing', name: 'config', expectedType: 'STRUCT (an object)' },
    ]);
    expect(error.message).toMatch(/^Invalid parameters for pipeline "every-type" \(7 problems\):\n/);
    expect(error.message).toContain(
      '"count" must be NUMBER_INTEGER (an integer), got a number with a fraction',
    );
    expect(error.message).toContain('"colour" is not a parameter of this pipeline (declared: count, ratio,');
    expect(error.message).toContain('"items" is required (no default, not optional): pass a LIST (an array)');
    expect(error.pipelineName).toBe('every-type');
  });

  it.each([
    ['items', { a: 1 }, 'an object'],
    ['config', [1], 'an array'],
    ['config', null, 'null'],
    ['ratio', Number.NaN, 'a non-finite number (NaN or Infinity cannot be sent as JSON)'],
    ['count', Number.POSITIVE_INFINITY, 'a non-finite number (NaN or Infinity cannot be sent as JSON)'],
  ])('refuses %s = %s', async (name, value, actual) => {
    const error = problemsOf(await load(), { ...good, [name]: value });
    expect(error.details).toEqual([expect.objectContaining({ kind: 'wrongType', name, actual })]);
  });

  it('counts an undefined value as not given', async () => {
    const error = problemsOf(await load(), { ...good, label: undefined });
    expect(error.details).toEqual([{ kind: 'missing', name: 'label', expectedType: 'STRING (a string)' }]);
  });

  it('never echoes a value, which may be a secret', async () => {
    const error = problemsOf(await load(), { ...good, label: ['s3cr3t-token'], colour: 's3cr3t-token' });
    expect(error.message).not.toContain('s3cr3t');
    expect(JSON.stringify(error.details)).not.toContain('s3cr3t');
  });

  it('refuses parameters that are not an object', async () => {
    const error = problemsOf(await load(), ['count'] as unknown as Record<string, unknown>);
    expect(error.message).toContain(
      'parameters must be an object mapping parameter names to values, got an array',
    );
  });

  it('refuses any parameter for a pipeline without inputs', async () => {
    const error = problemsOf(
      await loadPipelinePackage({
        text: everyType.replace(/ {2}inputDefinitions:[\s\S]*?(?=schemaVersion)/, ''),
      }),
      { x: 1 },
    );
    expect(error.message).toContain('"x" is not a parameter of this pipeline (declared: none)');
  });

  it('refuses a package whose root declares a type no run can be given', async () => {
    const text = everyType.replace('parameterType: BOOLEAN', 'parameterType: TASK_FINAL_STATUS');
    await expect(loadPipelinePackage({ text, name: 'final.yaml' })).rejects.toThrow(
      /final\.yaml: root input parameter "dry_run" has type TASK_FINAL_STATUS/,
    );
  });
});
