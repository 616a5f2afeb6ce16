import type { KfpStore, Run } from './model.js';
import type { Authorizer } from './namespace-access.js';
import { invalidInput } from './rpc-status.js';
import type { RunOutcome, RunTiming } from './run-lifecycle.js';

/** What every handler of the emulated API server works with. */
export interface KfpContext {
  store: KfpStore;
  auth: Authorizer;
  timing: Required<RunTiming>;
  now: () => number;
  /** How a run created now will end; without it, by its pipeline's name (`outcomeOfPipelineName`). */
  runOutcome?: (run: Run) => RunOutcome;
  /** How many items each run's ParallelFor loop has (run-tasks.ts). */
  loopIterations: number;
}

/** One request, as a handler sees it. */
export interface KfpRequest {
  method: string;
  /** The path below `/apis/v2beta1`, e.g. `/runs/5e0b…`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: Buffer;
  /** The caller, from `kubeflow-userid`. */
  user: string | undefined;
}

/** An answer other than 200, whose body is not a google.rpc.Status (the upload endpoints' own error body). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface Route {
  method: string;
  /** Matched against `KfpRequest.path`; capture groups are the path parameters. */
  pattern: RegExp;
  /** Answers 200 with the returned body (or the returned Answer), or throws an RpcError. */
  handle(request: KfpRequest, params: string[]): unknown | Promise<unknown>;
}

/** The request's JSON body, or InvalidArgument like grpc-gateway's decoder gives. */
export function jsonBody<T extends object>(request: KfpRequest): Partial<T> {
  try {
    const value: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Partial<T>;
  } catch {
    // fall through
  }
  throw invalidInput('The request body is not a JSON object.');
}
