/**
 * `#undici-fetch` in a browser: the browser makes its own connections, with
 * its own certificate store and proxy settings, and lets no page change them.
 * A client that asks for `tls` or `proxy` there is told so when it first sends.
 */
import type { ConnectionSettings } from '../connection-fetch.js';
import { ConfigError, ConfigErrorCode } from '../errors.js';
import type { FetchFunction } from '../fetch-function.js';

export function createUndiciFetch(settings: ConnectionSettings): FetchFunction {
  const asked = settings.tls ? 'tls' : 'proxy';
  return async () => {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `The ${asked} option needs Node.js, Bun or Deno: in a browser the browser's own certificates and proxy ` +
        `settings apply. Leave ${asked} out of the client's options there.`,
    );
  };
}
