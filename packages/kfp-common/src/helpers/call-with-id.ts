import { requireText, unwrap } from '@ml-platform/core';
import type { Client, ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';

/** The methods of the KFP helpers that address one resource by its id. */
export type KfpIdMethod = 'GET' | 'POST' | 'DELETE';

/** How a helper names the id it takes: the option in error messages, and an example of a valid one. */
export interface KfpIdOption {
  /** The parameter's name as the caller wrote it, e.g. `runId`. */
  option: string;
  /** An example value for the error message, e.g. `'5e0b…'`. */
  example: string;
}

/** A path template with exactly one `{parameter}`, the id. */
type OneIdPath = `${string}{${string}}${string}`;

type LooseCall = (
  path: string,
  init: { params: { path: Record<string, string> }; signal?: AbortSignal | undefined },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Checks `id` (named by `idOption` in the error) and makes one call whose path's only parameter is
 * that id: what every get, delete, archive, enable ... helper of both KFP packages does, so each is
 * one line over its own typed path. Resolves to the response body.
 *
 * @example
 * const run = await callWithId(kfp, 'GET', '/apis/v2beta1/runs/{run_id}', { option: 'runId', example: "'5e0b…'" }, runId);
 */
export async function callWithId<
  Paths extends {},
  Method extends KfpIdMethod,
  Path extends ClientPathsWithMethod<Client<Paths>, Lowercase<Method>> & OneIdPath,
>(
  client: Client<Paths>,
  method: Method,
  path: Path,
  idOption: KfpIdOption,
  id: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<MethodResponse<Client<Paths>, Lowercase<Method>, Path>> {
  const value = requireText(idOption.option, id, idOption.example);
  const parameter = /\{([^}]+)\}/.exec(path)?.[1] as string;
  // The path is checked against the client's own paths above; openapi-fetch's per-path init types
  // cannot follow a generic path, so the call itself goes through the untyped method.
  const call = (client as unknown as Record<KfpIdMethod, LooseCall>)[method];
  const result = await call(path, { params: { path: { [parameter]: value } }, signal: options.signal });
  return unwrap(result) as MethodResponse<Client<Paths>, Lowercase<Method>, Path>;
}
