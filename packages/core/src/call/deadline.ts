import { MlPlatformError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { TransportErrorCode } from '../transport-error-code.js';
import { abortable } from './abortable.js';
import { responseWithBody } from './response-with-body.js';

type Send = (request: Request) => Promise<Response>;

/**
 * Sends `request` with a deadline of `timeoutMs` that covers the response
 * headers and the whole body: the request's own signal still applies. Both
 * stalls end as `REQUEST_TIMEOUT`. The deadline is kept referenced until the
 * body is read and raced with every read, since fetch only holds a signal
 * weakly and a collected signal would never abort a stalled body. Used for the calls plugins make on their
 * own (token endpoints, login pages); a client's calls get one deadline for
 * the whole call instead (see wholeCallClient).
 */
export async function sendWithin(send: Send, request: Request, timeoutMs: number): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const what = `${request.method} ${redactUrl(request.url)}`;
  const timedOut = (stalled: string, cause: unknown) =>
    new MlPlatformError(
      TransportErrorCode.timeout,
      `${what} ${stalled} within timeoutMs (${timeoutMs} ms).`,
      { cause },
    );
  let response: Response;
  try {
    const sent = send(new Request(request, { signal: AbortSignal.any([request.signal, timeout]) }));
    response = await abortable(sent, [request.signal, timeout]);
  } catch (error) {
    if (timeout.aborted) throw timedOut('got no response', error);
    throw error;
  }
  const body = response.body;
  if (body === null) return response;
  const reader = body.getReader();
  const guarded = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Raced with the deadline itself, not left to fetch noticing the aborted signal.
        const { done, value } = await abortable(reader.read(), timeout);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        if (!timeout.aborted) return controller.error(error);
        reader.cancel(error).catch(() => undefined);
        controller.error(timedOut('got no complete response body', error));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return responseWithBody(response, guarded);
}
