// Parameters typed on a command line (KEY=VALUE text) given the pipeline's declared types.
import {
  checkPipelineParameters,
  InvalidParametersError,
  loadPipelinePackage,
  parametersFromText,
} from '@ml-platform/kfp-pipeline-spec';
import { describe, expect, it } from 'vitest';

const pipeline = `
pipelineInfo:
  name: typed
root:
  dag:
    tasks: {}
  inputDefinitions:
    parameters:
      count: {parameterType: NUMBER_INTEGER}
      ratio: {parameterType: NUMBER_DOUBLE}
      label: {parameterType: STRING}
      dry_run: {parameterType: BOOLEAN}
      items: {parameterType: LIST}
      config: {parameterType: STRUCT}
schemaVersion: 2.1.0
sdkVersion: kfp-2.17.0
`;

describe('parametersFromText', () => {
  it('gives each value the type its input declares', async () => {
    const pkg = await loadPipelinePackage({ text: pipeline, name: 'typed.yaml' });
    const typed = parametersFromText(pkg, {
      count: '3',
      ratio: '0.5',
      label: '42',
      dry_run: 'true',
      items: '[1,"a"]',
      config: '{"k":"v"}',
    });
    expect(typed).toEqual({
      count: 3,
      ratio: 0.5,
      label: '42',
      dry_run: true,
      items: [1, 'a'],
      config: { k: 'v' },
    });
    expect(() => checkPipelineParameters(pkg, typed)).not.toThrow();
  });

  it('leaves text that is not of the declared type for the check to report', async () => {
    const pkg = await loadPipelinePackage({ text: pipeline, name: 'typed.yaml' });
    const typed = parametersFromText(pkg, { count: 'three', dry_run: 'yes', unknown: '1' });
    expect(typed).toEqual({ count: 'three', dry_run: 'yes', unknown: '1' });
    expect(() => checkPipelineParameters(pkg, typed)).toThrow(/"count" must be NUMBER_INTEGER/);
  });

  it('refuses LIST and STRUCT text that is not JSON, naming each and echoing no value', async () => {
    const pkg = await loadPipelinePackage({ text: pipeline, name: 'typed.yaml' });
    const error = (() => {
      try {
        parametersFromText(pkg, { items: 'secret-1,2', config: 'k=v' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidParametersError);
    expect(error).toMatchObject({ code: 'KFP_INVALID_PARAMETERS' });
    expect((error as Error).message).toMatch(/"items" must be LIST \(JSON text of an array/);
    expect((error as Error).message).toMatch(/"config" must be STRUCT/);
    expect((error as Error).message).not.toContain('secret-1');
  });
});
