import { invalidOption } from '@ml-platform/core';

/**
 * What every `find…ByName` helper takes: one options object, the shape the
 * other helpers use, so a lookup reads the same whatever it looks up.
 */
export interface ByNameOptions {
  /** The name to look up, unique within its namespace. */
  name: string;
  /**
   * The profile namespace to look in; default: the client's namespace. Leave
   * both out on single-user deployments.
   */
  namespace?: string | undefined;
  /** Cancels the lookup. */
  signal?: AbortSignal | undefined;
}

/** The options of `findPipelineByName`. */
export type PipelineByNameOptions = ByNameOptions;

/**
 * Refuses the positional form `find…ByName(client, 'name', options)` that
 * `findPipelineByName` took before 0.2, with the call to write instead (plain
 * JavaScript callers get no compile error to tell them).
 */
export function checkByNameOptions(helper: string, options: unknown): ByNameOptions {
  if (typeof options === 'string') {
    throw invalidOption(
      `${helper} takes one options object: ${helper}(client, { name: '${options}', namespace }), ` +
        'not a name followed by options.',
    );
  }
  if (!options || typeof options !== 'object') {
    throw invalidOption(`${helper} needs options { name, namespace?, signal? }, got ${typeof options}.`);
  }
  return options as ByNameOptions;
}
