// The ways a user can make the same GET: raw fetch, bare openapi-fetch, and
// our client (no auth, or signed by an auth plugin). Each `send` makes one
// request, reads the JSON body, and throws unless it got a 200, so a failing
// contender cannot look fast (behind a login gateway, an unsigned request
// gets a 401, so a 200 also proves the request was signed).
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import createClient from 'openapi-fetch';

/**
 * @typedef {{ id: string, label: string, send: () => Promise<void> }} Contender
 * @typedef {{ url: string, listPath: string }} Target where requests go: a base URL and a GET path under it
 */

/**
 * @param {Target} target
 * @param {{ id?: string, label?: string, headers?: Record<string, string> }} [variant] headers: what a plugin would add, set by hand
 * @returns {Contender}
 */
export function rawFetchContender(target, variant = {}) {
  const url = `${target.url}${target.listPath}`;
  const init = variant.headers ? { headers: variant.headers } : undefined;
  return {
    id: variant.id ?? 'raw-fetch',
    label: variant.label ?? 'raw fetch',
    async send() {
      const response = await fetch(url, init);
      if (response.status !== 200) throw new Error(`raw fetch got HTTP ${response.status}`);
      await response.json();
    },
  };
}

/**
 * @param {Target} target
 * @param {{ id?: string, label?: string, headers?: Record<string, string> }} [variant]
 * @returns {Contender}
 */
export function openapiFetchContender(target, variant = {}) {
  const client = createClient({ baseUrl: target.url, headers: variant.headers });
  return {
    id: variant.id ?? 'openapi-fetch',
    label: variant.label ?? 'bare openapi-fetch',
    send: sendWith(client, target.listPath),
  };
}

/**
 * @param {Target} target
 * @param {{ id: string, label: string, auth?: import('@ml-platform/core').AuthPlugin }} variant
 * @returns {Contender}
 */
export function ourClientContender(target, variant) {
  const client = createKfpV2Client({ baseUrl: target.url, auth: variant.auth });
  return { id: variant.id, label: variant.label, send: sendWith(client, target.listPath) };
}

/** @param {{ GET: Function }} client @param {string} path */
function sendWith(client, path) {
  return async () => {
    const { data, error, response } = await client.GET(path);
    if (response.status !== 200 || error !== undefined || data === undefined) {
      throw new Error(`GET ${path} got HTTP ${response.status}`);
    }
  };
}
