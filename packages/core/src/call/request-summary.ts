/** What an error built from a response needs to know about the request that produced it. */
export interface RequestSummary {
  method: string;
  url: string;
  /** The credentials the request (and its replay) carried, to redact from what is built from the response. */
  secrets: readonly string[];
  /** What to add to an error built from this response, when the status alone does not explain it. */
  hint?: string | undefined;
}

/** Where a non-2xx response carries its summary; `Symbol.for`, so another copy of core reads it too. */
const REQUEST_SUMMARY = Symbol.for('@ml-platform/core.request-summary');

/** Gives a non-2xx `response` (one the response guard made) what an error built from it needs. */
export function attachRequestSummary(response: Response, summary: RequestSummary): void {
  Object.defineProperty(response, REQUEST_SUMMARY, { value: summary });
}

/** The method and URL of the request that produced a non-2xx `response`, when it went through a client. */
export function requestSummaryOf(response: Response): RequestSummary {
  return (
    (response as { [REQUEST_SUMMARY]?: RequestSummary })[REQUEST_SUMMARY] ?? {
      method: 'HTTP',
      url: response.url,
      secrets: [],
    }
  );
}
