/**
 * The Fetch standard forbids a body on GET and HEAD, yet some APIs define one
 * (Seldon Deploy's ValidateSeldonDeployment: `GET .../seldondeployments/validate`
 * with the deployment as body, as its Python SDK sends it). openapi-fetch
 * builds a `Request` for it, which throws. This Request class, given to
 * openapi-fetch, builds it as a POST marked with the real method instead; the
 * transport sees the mark and sends the real method with the body where the
 * runtime can (undici on Node), or refuses it with a coded error where it
 * cannot (a browser).
 */
export const BODY_ON_GET_HEADER = 'x-ml-platform-body-on';

/** Stable code of the refusal where a body on GET or HEAD cannot be sent. */
export const BodyOnGetErrorCode = {
  /** A browser's fetch, or a custom `fetch`, cannot send a body on GET or HEAD. */
  unsupported: 'BODY_ON_GET_UNSUPPORTED',
} as const;

/** Sends a request built with {@link RequestAllowingBodyOnGet} with its real method and body. */
export type BodyOnGetSender = (request: Request, method: string) => Promise<Response>;

/** The method a request really has: GET or HEAD for one built with a body, else its own. */
export function realMethodOf(request: Request): string {
  return request.headers.get(BODY_ON_GET_HEADER) ?? request.method;
}
