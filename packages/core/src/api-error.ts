import { MlPlatformError } from './errors.js';
import { redactDeep, redactUrl } from './redact.js';

/** Stable codes of {@link ApiError}. */
export const ApiErrorCode = {
  /** The server answered with a non-2xx status. */
  httpStatus: 'API_HTTP_STATUS',
  /** The server answered with an HTML page where JSON was expected (a login page, a proxy error page). */
  htmlResponse: 'API_HTML_RESPONSE',
} as const;

/**
 * What the API said about the failure, parsed from KFP's `google.rpc.Status`
 * (`{ code, message, details }`, v1beta1 adds `error`), KFP's upload error
 * (`{ error_message, error_details }`) or Seldon Deploy's `Error`
 * (`{ code, message, requestId }`).
 */
export interface UpstreamError {
  code?: number | undefined;
  message?: string | undefined;
  details?: unknown[] | undefined;
}

export interface ApiErrorInit {
  code?: string | undefined;
  status: number;
  method: string;
  url: string;
  body?: unknown;
  requestId?: string | undefined;
  hint?: string | undefined;
  cause?: unknown;
  /**
   * The credentials the request carried. Redacted (in every encoding core
   * sends them) from the message, `upstream` and `body`, since error pages
   * may echo the headers or form they received.
   */
  secrets?: readonly string[] | undefined;
}

/**
 * A failed API call: HTTP status, upstream code/message, method and (redacted) URL.
 * The raw `body` is kept for inspection but never printed.
 */
export class ApiError extends MlPlatformError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly upstream: UpstreamError | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    const url = redactUrl(init.url);
    const secrets = init.secrets ?? [];
    const body = redactDeep(init.body, secrets);
    const upstream = parseUpstreamError(body);
    const requestId = init.requestId ?? upstreamRequestId(body);
    const said = upstream?.message ? `: ${truncate(upstream.message, 500)}` : '';
    const id = requestId ? ` (request id ${requestId})` : '';
    const hint = init.hint ? ` ${init.hint}` : '';
    super(
      init.code ?? ApiErrorCode.httpStatus,
      `${init.method} ${url} failed with HTTP ${init.status}${said}${id}.${hint}`,
      {
        cause: init.cause,
      },
    );
    this.status = init.status;
    this.method = init.method;
    this.url = url;
    this.upstream = upstream;
    this.requestId = requestId;
    Object.defineProperty(this, 'body', { value: body, enumerable: false });
  }
}

/**
 * The code, message and details of an error body as KFP (`google.rpc.Status`, or its upload
 * handlers' `api.Error`) and Seldon Deploy send them, or undefined when the body is none of these;
 * a text body becomes the message.
 */
export function parseUpstreamError(body: unknown): UpstreamError | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    return text ? { message: text } : undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  // KFP's pipeline upload handlers answer with its `api.Error` ({ error_message, error_details }),
  // not google.rpc.Status (backend/api/v1beta1/error.proto, written by pipeline_upload_server.go).
  const message = firstString(record.message, record.error, record.error_message);
  const code = typeof record.code === 'number' ? record.code : undefined;
  const details = Array.isArray(record.details)
    ? record.details
    : typeof record.error_details === 'string'
      ? [record.error_details]
      : undefined;
  if (message === undefined && code === undefined && details === undefined) return undefined;
  return { code, message, details };
}

function firstString(...candidates: unknown[]): string | undefined {
  return candidates.find(
    (candidate): candidate is string => typeof candidate === 'string' && candidate !== '',
  );
}

function upstreamRequestId(body: unknown): string | undefined {
  if (body && typeof body === 'object' && typeof (body as { requestId?: unknown }).requestId === 'string') {
    return (body as { requestId: string }).requestId;
  }
  return undefined;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
