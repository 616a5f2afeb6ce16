import { requestViolations } from './prism-violations.js';

/** One request a client sent to Prism, and what Prism thought of it. */
export interface PrismExchange {
  method: string;
  url: URL;
  contentType: string | null;
  body: string;
  status: number;
  /** Prism's findings about the request (not about its own example response). */
  requestViolations: string[];
}

export interface PrismRecorder {
  /** A client's `fetch` option: sends each request on to Prism and records it. */
  fetch: (request: Request) => Promise<Response>;
  /** Every request sent, in order. */
  readonly exchanges: PrismExchange[];
  /** The spec violations in everything sent, as `METHOD path: message`. */
  requestViolations(): string[];
  /** `METHOD path` of each request, in order; with `query`, the query string too. */
  calls(options?: { query?: boolean }): string[];
}

/** Records what a client sends to a Prism mock, for tests of request shapes. */
export function recordPrismExchanges(): PrismRecorder {
  const exchanges: PrismExchange[] = [];
  return {
    exchanges,
    fetch: async (request) => {
      const body = request.body ? await request.clone().text() : '';
      const response = await fetch(request);
      exchanges.push({
        method: request.method,
        url: new URL(request.url),
        contentType: request.headers.get('content-type'),
        body,
        status: response.status,
        requestViolations: requestViolations(response.headers.get('sl-violations')).map(
          (violation) => violation.message,
        ),
      });
      return response;
    },
    requestViolations: () =>
      exchanges.flatMap((exchange) =>
        exchange.requestViolations.map(
          (message) => `${exchange.method} ${exchange.url.pathname}: ${message}`,
        ),
      ),
    calls: (options = {}) =>
      exchanges.map(
        (exchange) =>
          `${exchange.method} ${exchange.url.pathname}${options.query ? exchange.url.search : ''}`,
      ),
  };
}
