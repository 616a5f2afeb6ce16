import type { Client } from 'openapi-fetch';
import { MlPlatformError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { TransportErrorCode } from '../transport.js';
import { abortable } from './abortable.js';
import { CALL_CONTEXT_KEY, type CallContext, newCallContext } from './call-context.js';
import { ResponseErrorCode } from './response-errors.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type CallInit = { signal?: AbortSignal | null } & Record<string, unknown>;
type Call = (url: string, init?: CallInit) => Promise<unknown>;

function stalledAt(context: CallContext): string {
  if (context.waitingFor) return `was still waiting for credentials from ${context.waitingFor}`;
  return context.phase === 'reading' ? 'got no complete response body' : 'got no response';
}

/**
 * Makes every call of `client` bounded as a whole: `timeoutMs` and the
 * caller's `signal` cover credential acquisition (and waiting on another
 * request's), the request, a re-acquisition and replay after a 401, and
 * reading the body. The deadline is created before the middleware chain
 * runs and travels on the Request's `signal`, which the transport and
 * plugins honour; the call itself also stops waiting the moment it fires.
 * A deadline is `REQUEST_TIMEOUT` in every phase, so wait helpers retry it;
 * a 2xx body that is not JSON is `RESPONSE_INVALID_JSON`, never a
 * SyntaxError quoting the body.
 */
export function boundEveryCall<Paths extends {}>(
  client: Client<Paths>,
  baseUrl: string,
  timeoutMs: number | undefined,
): Client<Paths> {
  const methods = client as unknown as Record<string, Call>;
  for (const method of METHODS) {
    const inner = methods[method] as Call;
    methods[method] = (url, init) => wholeCall(method, url, init, (next) => inner(url, next));
  }
  const request = (
    client as unknown as { request: (method: string, url: string, init?: CallInit) => Promise<unknown> }
  ).request;
  (client as unknown as { request: unknown }).request = (method: string, url: string, init?: CallInit) =>
    wholeCall(String(method).toUpperCase(), url, init, (next) => request(method, url, next));

  async function wholeCall(
    method: string,
    path: string,
    init: CallInit | undefined,
    run: (init: CallInit) => Promise<unknown>,
  ): Promise<unknown> {
    const callerSignal = init?.signal ?? undefined;
    const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signals = [callerSignal, deadline].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const context = newCallContext(method, `${baseUrl}${path}`);
    try {
      return await abortable(run({ ...init, ...(signal ? { signal } : {}), [CALL_CONTEXT_KEY]: context }), [
        callerSignal,
        deadline,
      ]);
    } catch (error) {
      if (deadline?.aborted && !callerSignal?.aborted) {
        throw new MlPlatformError(
          TransportErrorCode.timeout,
          `${method} ${redactUrl(context.url)} ${stalledAt(context)} within timeoutMs (${timeoutMs} ms).`,
          { cause: deadline.reason },
        );
      }
      if (error instanceof SyntaxError && context.phase === 'reading') {
        // The SyntaxError is not kept: its message quotes the body, which may echo a credential.
        throw new MlPlatformError(
          ResponseErrorCode.invalidJson,
          `${method} ${redactUrl(context.url)} answered HTTP ${context.status ?? ''} with a body that is not valid JSON ` +
            `(content-type ${context.contentType || 'not set'}). Check that baseUrl points at the API itself, ` +
            'not at a proxy or a web page in front of it.',
        );
      }
      throw error;
    }
  }
  return client;
}
