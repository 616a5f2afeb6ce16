/** One request as the emulator's routes see it. */
export interface SeldonRequest {
  method: string;
  /** The path below `/seldon-deploy/api/v1alpha1`, e.g. `/namespaces/seldon/seldondeployments/iris`. */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body (undefined when there is none). */
  body: unknown;
  /** The raw request, for multipart bodies (`predictfile`). */
  raw: Request;
}

export interface SeldonRoute {
  method: string;
  /** Matched against `SeldonRequest.path`; capture groups are the path parameters (decoded). */
  pattern: RegExp;
  /** Answers 200 with the returned body (a `Response` as it is), or throws a SeldonApiError / RpcStatusError. */
  handle(request: SeldonRequest, params: string[]): unknown | Promise<unknown>;
}

let requestSequence = 0;

/**
 * A failure of Seldon Deploy's own handlers, answered with its `Error` body
 * (`{ code, message, requestId }`, the spec's `ErrorDefault` response): the
 * code repeats the HTTP status and every answer carries a request id.
 */
export class SeldonApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A failure of the gRPC-gateway services Deploy embeds (model metadata,
 * inference logs): a `google.rpc.Status` body (`rpcStatus` in the spec),
 * the HTTP status grpc-gateway maps the gRPC code to.
 */
export class RpcStatusError extends Error {
  constructor(
    readonly status: number,
    readonly rpcCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new SeldonApiError(404, `${what} not found`);
export const alreadyExists = (what: string) => new SeldonApiError(409, `${what} already exists`);
export const badRequest = (message: string) => new SeldonApiError(400, message);

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function errorResponse(error: SeldonApiError | RpcStatusError): Response {
  if (error instanceof RpcStatusError) {
    return json({ code: error.rpcCode, message: error.message, details: [] }, error.status);
  }
  requestSequence += 1;
  return json(
    { code: error.status, message: error.message, requestId: `emulated-request-${requestSequence}` },
    error.status,
  );
}

/** The request body as an object, or 400 like Deploy's JSON binding. */
export function objectBody<T extends object>(request: SeldonRequest): T {
  const { body } = request;
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as T;
  throw badRequest('request body must be a JSON object');
}

/** `metadata.name`, required by the Kubernetes API server for every write. */
export function nameOf(resource: { metadata?: { name?: string } }, kind: string): string {
  const name = resource.metadata?.name;
  if (typeof name !== 'string' || name === '') throw badRequest(`${kind} metadata.name is required`);
  return name;
}
