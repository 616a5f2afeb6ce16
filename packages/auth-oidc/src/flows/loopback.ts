import { startLoopbackServer } from '../loopback-server.js';
import type { ResolvedOptions } from '../options.js';
import type { OidcPrompt } from '../prompt.js';
import { startAuthorizationRequest } from './authorization-request.js';
import type { Flow } from './flow.js';

/**
 * RFC 8252 native-app login: a one-shot server on 127.0.0.1 receives the
 * browser's redirect, so nothing is copied by hand. The server only lives for
 * the duration of the login.
 */
export function loopbackFlow(options: ResolvedOptions, prompt: OidcPrompt): Flow {
  return {
    step: 'authorization_code',
    interactive: true,
    async obtain(configuration) {
      const server = await startLoopbackServer(options.loopbackPort);
      try {
        const request = await startAuthorizationRequest(options, configuration, server.redirectUri);
        const callback = server.waitForCallback(request.state, options.loginTimeoutMs);
        // Handled here too, in case showAuthorizationUrl throws and `callback` is never awaited.
        callback.catch(() => undefined);
        await prompt.showAuthorizationUrl({ url: request.url.href, redirect: 'loopback' });
        return await request.exchange(await callback);
      } finally {
        await server.close();
      }
    },
  };
}
