// Makes many concurrent GETs with one contender of the request-overhead figure, for a CPU profile of the
// client alone: `npm run bench:profile` runs it under `node --cpu-prof` for bare openapi-fetch, our client and
// our client with a static token, then summarize.mjs says where each spent its time.
import { staticTokenAuth } from '@ml-platform/core';
import { startApiServer } from '../lib/api-server.mjs';
import { openapiFetchContender, ourClientContender } from '../lib/contenders.mjs';
import { runConcurrent } from '../lib/load.mjs';

const CONTENDERS = {
  'openapi-fetch': (api) => openapiFetchContender(api),
  ours: (api) => ourClientContender(api, { id: 'ours', label: 'our client, no auth' }),
  'ours-static-token': (api) =>
    ourClientContender(api, {
      id: 'ours-static-token',
      label: 'static token',
      auth: staticTokenAuth('bench-token'),
    }),
};

const [which = 'ours', count = '30000'] = process.argv.slice(2);
const make = CONTENDERS[which];
if (!make) throw new Error(`unknown contender ${which}; one of ${Object.keys(CONTENDERS).join(', ')}`);
const api = await startApiServer();
try {
  await runConcurrent(make(api).send, Number(count), 50);
} finally {
  await api.stop();
}
