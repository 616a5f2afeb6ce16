/**
 * `response` with another body (a stream that counts or times its reads),
 * keeping status, headers, `url` and `redirected`: the last two are read-only
 * on a Response and needed for error messages and redirect checks.
 */
export function responseWithBody(response: Response, body: ReadableStream<Uint8Array>): Response {
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, 'url', { value: response.url });
  Object.defineProperty(copy, 'redirected', { value: response.redirected });
  return copy;
}
