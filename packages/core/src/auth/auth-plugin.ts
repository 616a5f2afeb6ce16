import type { Middleware } from 'openapi-fetch';
import type { Credential } from './credential-cache.js';

/**
 * The auth-plugin contract: an openapi-fetch middleware with a name. Plugins
 * depend on `@ml-platform/core` only, so any plugin signs any client; pass one
 * (or a list) as a client's `auth` option, or `client.use(plugin)`.
 *
 * A plugin that puts a credential on a request tells core with
 * `rememberSentSecret(hook, value)`, so core redacts it from errors built
 * from the response; `createCredentialAuth` does this, and adds
 * `acquire()` and `diagnostics()`.
 */
export type AuthPlugin = Middleware & {
  /** The npm package (or a descriptive name) of the plugin, used in error messages. */
  readonly name: string;
  /** What the plugin has done so far, for logs and health checks; never a credential's value. */
  diagnostics?(): AuthPluginDiagnostics;
  /**
   * The credential the plugin would put on a request now (acquiring one if
   * needed), for tools that show who is signed in; every plugin of this
   * project has it. Never log its value.
   */
  acquire?(options?: { signal?: AbortSignal | undefined }): Promise<Credential>;
};

/** The one diagnostics face of every credential plugin. */
export interface AuthPluginDiagnostics {
  /** How many times a credential was acquired (initial, refresh, after a 401). */
  readonly acquisitions: number;
  /** Whether a credential is cached now. */
  readonly hasCredential: boolean;
  /** When the cached credential expires, when known. */
  readonly expiresAt: Date | undefined;
}
