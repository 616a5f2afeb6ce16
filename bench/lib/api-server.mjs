// The bench API server (servers/api-server.mjs) as seen from the client side:
// start it in a child process, read and reset its counters.
import { fileURLToPath } from 'node:url';
import { startServerProcess } from './child-server.mjs';

const SCRIPT = fileURLToPath(new URL('../servers/api-server.mjs', import.meta.url));

/** @param {{ tokenDelayMs?: number }} [options] */
export async function startApiServer(options = {}) {
  const server = await startServerProcess(SCRIPT, ['--token-delay-ms', String(options.tokenDelayMs ?? 10)]);
  return {
    url: server.url,
    /** The path every contender requests: a KFP v2 list call, so typed clients can make it too. */
    listPath: '/apis/v2beta1/experiments',
    /** @returns {Promise<{ requests: number, tokens: number, authorized: number }>} */
    async stats() {
      return (await fetch(`${server.url}/stats`)).json();
    },
    async resetStats() {
      await (await fetch(`${server.url}/stats/reset`, { method: 'POST' })).body?.cancel();
    },
    stop: server.stop,
  };
}
