// The ways a user can make the same GET: raw fetch, bare openapi-fetch, and
// our client (no auth, or signed by an auth plugin). Each `send` makes one
// request, reads the JSON body, and throws unless it got a 200, so a failing
// contender cannot look fast.
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import createClient from 'openapi-fetch';

/** @typedef {{ id: string, label: string, send: () => Promise<void> }} Contender */

/** @param {import('../auth/scenario.mjs').ApiServer} api @returns {Contender} */
export function rawFetchContender(api) {
  const url = `${api.url}${api.listPath}`;
  return {
    id: 'raw-fetch',
    label: 'raw fetch',
    async send() {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`raw fetch got HTTP ${response.status}`);
      await response.json();
    },
  };
}

/** @param {import('../auth/scenario.mjs').ApiServer} api @returns {Contender} */
export function openapiFetchContender(api) {
  const client = createClient({ baseUrl: api.url });
  return { id: 'openapi-fetch', label: 'bare openapi-fetch', send: sendWith(client, api.listPath) };
}

/**
 * @param {import('../auth/scenario.mjs').ApiServer} api
 * @param {{ id: string, label: string, auth?: import('@ml-platform/core').AuthPlugin }} variant
 * @returns {Contender}
 */
export function ourClientContender(api, variant) {
  const client = createKfpV2Client({ baseUrl: api.url, auth: variant.auth });
  return { id: variant.id, label: variant.label, send: sendWith(client, api.listPath) };
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
