import { requestViolations } from './prism-violations.js';

/** An in-memory API answering as a fetch function, for running README examples end to end. */
export interface FakeApi {
  /** Answers requests to `origin` + `basePath`; anything else goes to the real fetch. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Violations of the spec Prism found in requests, as `METHOD path: message`. */
  violations: string[];
}

export interface SpecCheckedFakeOptions {
  /** Where the examples send their requests, e.g. `https://kubeflow.example.com`. */
  origin: string;
  /** The path the spec's paths are relative to, e.g. `/pipeline`. */
  basePath: string;
  /** A Prism mock of the spec; it sees every request too, at the path relative to `basePath`. */
  prismUrl: string;
  /** The fake's answer to a request that carries credentials; `path` is relative to `basePath`. */
  answer: (request: Request, path: string, query: URLSearchParams) => Response | Promise<Response>;
  /** What the API answers a request without credentials. */
  unauthorized: () => Response;
}

/**
 * A fake API whose requests are also sent to Prism, recording any violation
 * of the spec in what was sent, so examples that pass against the fake are
 * known to send what the real API accepts.
 */
export function createSpecCheckedFake(options: SpecCheckedFakeOptions): FakeApi {
  const realFetch = globalThis.fetch;
  const violations: string[] = [];

  async function validate(request: Request, path: string, search: string): Promise<void> {
    const response = await realFetch(`${options.prismUrl}${path}${search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body === null ? undefined : await request.clone().arrayBuffer(),
    });
    await response.arrayBuffer();
    for (const violation of requestViolations(response.headers.get('sl-violations'))) {
      violations.push(`${request.method} ${path}: ${violation.message}`);
    }
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${options.origin}${options.basePath}`)) return realFetch(request);
    const url = new URL(request.url);
    const path = url.pathname.slice(options.basePath.length);
    if (request.headers.get('authorization') === null) return options.unauthorized();
    await validate(request, path, url.search);
    return options.answer(request, path, url.searchParams);
  };

  return { fetch, violations };
}
