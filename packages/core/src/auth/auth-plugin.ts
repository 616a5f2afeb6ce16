import type { Middleware } from 'openapi-fetch';

/**
 * The auth-plugin contract: an openapi-fetch middleware with a name. Plugins
 * depend on `@ml-platform/core` only, so any plugin signs any client; pass one
 * (or a list) as a client's `auth` option, or `client.use(plugin)`.
 */
export type AuthPlugin = Middleware & {
  /** The npm package (or a descriptive name) of the plugin, used in error messages. */
  readonly name: string;
};
