import { BODY_ON_GET_HEADER } from './body-on-get.js';

/**
 * `Request` for openapi-fetch's `Request` option. A Proxy of the global class
 * rather than a subclass: openapi-fetch checks what middleware returns with
 * `instanceof` this class, and a plain `new Request(...)` from a plugin must pass.
 */
export const RequestAllowingBodyOnGet: typeof Request = new Proxy(Request, {
  construct(target, [input, init]: [RequestInfo | URL, RequestInit | undefined], newTarget) {
    const method = init?.method?.toUpperCase();
    if ((method === 'GET' || method === 'HEAD') && init?.body !== undefined && init.body !== null) {
      const headers = new Headers(init.headers);
      headers.set(BODY_ON_GET_HEADER, method);
      return Reflect.construct(target, [input, { ...init, method: 'POST', headers }], newTarget);
    }
    return Reflect.construct(target, [input, init], newTarget);
  },
});
