import { MlPlatformError } from '@ml-platform/core';

/** Stable codes of the errors this package throws. */
export const PipelineSpecErrorCode = {
  invalidPackage: 'KFP_INVALID_PIPELINE_PACKAGE',
  invalidParameters: 'KFP_INVALID_PARAMETERS',
} as const;

/**
 * A pipeline package (file, text, Blob or object) that the KFP API server would refuse, or that
 * cannot be read. The message names the source and says what is wrong.
 */
export class InvalidPipelinePackageError extends MlPlatformError {
  /** The file path or name (or a description such as `the given text`) the message names. */
  readonly sourceName: string;
  /** The file inside the archive the problem is in, for an archive. */
  readonly entry?: string;

  constructor(where: PackageLocation, problem: string, options?: { cause?: unknown }) {
    const { sourceName, entry } = typeof where === 'string' ? { sourceName: where, entry: undefined } : where;
    super(
      PipelineSpecErrorCode.invalidPackage,
      `Invalid pipeline package ${sourceName}${entry ? ` (${entry} inside)` : ''}: ${problem}`,
      options,
    );
    this.sourceName = sourceName;
    if (entry) this.entry = entry;
  }
}

/** Where a package's problem is: the source, or a file inside an archive source. */
export type PackageLocation = string | { sourceName: string; entry: string };

/** One problem found by {@link checkPipelineParameters}. */
export type ParameterProblem =
  | { kind: 'unknown'; name: string; declared: string[] }
  | { kind: 'missing'; name: string; expectedType: string }
  | { kind: 'wrongType'; name: string; expectedType: string; actual: string }
  | { kind: 'notAnObject'; name: '(parameters)'; actual: string };

/** Run parameters that do not match the pipeline's declared inputs; `details` lists every problem. */
export class InvalidParametersError extends MlPlatformError {
  readonly pipelineName: string;
  readonly details: ParameterProblem[];

  constructor(pipelineName: string, details: ParameterProblem[]) {
    const lines = details.map((problem) => `  - ${describeProblem(problem)}`);
    super(
      PipelineSpecErrorCode.invalidParameters,
      `Invalid parameters for pipeline "${pipelineName}" (${details.length} problem${details.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    );
    this.pipelineName = pipelineName;
    this.details = details;
  }
}

function describeProblem(problem: ParameterProblem): string {
  switch (problem.kind) {
    case 'unknown':
      return `"${problem.name}" is not a parameter of this pipeline (declared: ${problem.declared.length ? problem.declared.join(', ') : 'none'})`;
    case 'missing':
      return `"${problem.name}" is required (no default, not optional): pass a ${problem.expectedType}`;
    case 'wrongType':
      return `"${problem.name}" must be ${problem.expectedType}, got ${problem.actual}`;
    case 'notAnObject':
      return `parameters must be an object mapping parameter names to values, got ${problem.actual}`;
  }
}
