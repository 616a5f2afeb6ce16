/**
 * An unread copy of each request a core client sends with a body, taken at
 * the transport, after every middleware (every plugin, every later
 * `client.use`) has set its headers: a replay after a 401 then carries all of
 * them and the same body bytes (JSON, multipart with its boundary, streams).
 */
const copies = new WeakMap<Request, Request>();

export function keepReplayCopy(request: Request): void {
  if (request.body !== null) copies.set(request, request.clone());
}

/** The unread copy of `request` as it was sent (headers, body), when core sent it with a body. */
export function replayCopyOf(request: Request): Request | undefined {
  const copy = copies.get(request);
  copies.delete(request);
  return copy;
}
