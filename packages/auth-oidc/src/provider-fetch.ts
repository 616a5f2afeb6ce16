import { createTransport, type FetchFunction } from '@ml-platform/core';
import type { CustomFetch } from 'openid-client';
import type { ResolvedOptions } from './options.js';

const USER_AGENT = '@ml-platform/auth-oidc';

/**
 * Discovery and every token call go through core's transport, so `tls` (ca,
 * cert/key, insecureSkipVerify), `proxy`, `timeoutMs` and a custom `fetch` apply to them exactly
 * as to API calls. Built when the plugin is created, though the first call to
 * the provider comes later: a bad proxy or tls option fails at creation, and
 * connections are reused.
 */
export function providerFetchFor(options: ResolvedOptions): CustomFetch {
  const send: FetchFunction = createTransport({
    fetch: options.fetch,
    proxy: options.proxy,
    tls: options.tls,
    timeoutMs: options.timeoutMs,
    userAgent: USER_AGENT,
    sentSecrets: options.sentSecrets,
  });
  return (url, init) =>
    send(
      new Request(url, {
        method: init.method,
        headers: init.headers,
        body: init.body as BodyInit | null | undefined,
        redirect: init.redirect,
        signal: init.signal ?? null,
      }),
    );
}
