import { invalidOption } from '@ml-platform/core';

/** Throws a ConfigError unless `parameters` is left out or an object of parameter names to values. */
export function checkRunParameters(parameters: unknown): void {
  if (
    parameters !== undefined &&
    (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
  ) {
    throw invalidOption(
      'parameters must be an object of parameter names to values, e.g. { learning_rate: 0.1 }.',
    );
  }
}
