/** The fetch shape core sends with: openapi-fetch always passes a `Request`. */
export type FetchFunction = (input: Request) => Promise<Response>;
