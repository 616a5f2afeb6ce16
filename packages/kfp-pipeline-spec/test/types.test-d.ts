/**
 * Type tests: the interface kfp-v2's runPipelinePackage is built on (agreed, so only additions are
 * allowed) and the typed spec. Each @ts-expect-error fails the type check if the line below it
 * ever compiles.
 */
import {
  checkPipelineParameters,
  type LoadedPipelinePackage,
  loadPipelinePackage,
  type PipelineParameterInput,
  type PipelineSource,
  type PipelineSpec,
} from '@ml-platform/kfp-pipeline-spec';
import { describe, expectTypeOf, it } from 'vitest';

describe('kfp-pipeline-spec types', () => {
  it('takes every agreed kind of source', () => {
    expectTypeOf<string>().toExtend<PipelineSource>();
    expectTypeOf<{ text: string; name?: string }>().toExtend<PipelineSource>();
    expectTypeOf<Blob>().toExtend<PipelineSource>();
    expectTypeOf<File>().toExtend<PipelineSource>();
    expectTypeOf<Record<string, unknown>>().toExtend<PipelineSource>();
    expectTypeOf(loadPipelinePackage).parameter(1).toEqualTypeOf<{ signal?: AbortSignal } | undefined>();
    expectTypeOf(loadPipelinePackage).returns.toEqualTypeOf<Promise<LoadedPipelinePackage>>();
  });

  it('returns the agreed fields', () => {
    expectTypeOf<LoadedPipelinePackage['pipelineSpec']>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<LoadedPipelinePackage['platformSpec']>().toEqualTypeOf<
      Record<string, unknown> | undefined
    >();
    expectTypeOf<LoadedPipelinePackage['pipelineName']>().toEqualTypeOf<string>();
    expectTypeOf<LoadedPipelinePackage['sourceName']>().toEqualTypeOf<string>();
    expectTypeOf<LoadedPipelinePackage['parameters']>().toEqualTypeOf<PipelineParameterInput[]>();
    expectTypeOf<LoadedPipelinePackage['spec']>().toEqualTypeOf<PipelineSpec>();
    expectTypeOf<PipelineParameterInput['type']>().toEqualTypeOf<
      'STRING' | 'NUMBER_INTEGER' | 'NUMBER_DOUBLE' | 'BOOLEAN' | 'LIST' | 'STRUCT'
    >();
    expectTypeOf<PipelineParameterInput['optional']>().toEqualTypeOf<boolean>();
    expectTypeOf<PipelineParameterInput['defaultValue']>().toEqualTypeOf<unknown>();
  });

  it('checks parameters of a loaded package', async () => {
    const pkg = await loadPipelinePackage('pipeline.yaml');
    expectTypeOf(checkPipelineParameters(pkg, { a: 1 })).toEqualTypeOf<void>();
    // @ts-expect-error: parameters are named
    checkPipelineParameters(pkg, [1, 2]);
    // @ts-expect-error: a package, not a path
    checkPipelineParameters('pipeline.yaml', {});
  });

  it('types the spec message', async () => {
    const { spec } = await loadPipelinePackage({ text: '' });
    expectTypeOf(spec.pipelineInfo?.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(spec.schemaVersion).toEqualTypeOf<string>();
    // @ts-expect-error: no such field
    spec.pipelineInfoo;
  });
});
