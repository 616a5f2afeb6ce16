import { startApiServer } from './lib/api-server.mjs';
import { openapiFetchContender, ourClientContender } from './lib/contenders.mjs';
import { runConcurrent, runSequential } from './lib/load.mjs';
import { staticTokenAuth } from '@ml-platform/core';
const api = await startApiServer();
const variants = { bare: openapiFetchContender(api), ours: ourClientContender(api, { id: 'o', label: 'o' }), static: ourClientContender(api, { id: 's', label: 's', auth: staticTokenAuth('abcdefgh') }) };
const cpu = async (f) => { const a = process.cpuUsage(); await f(); const b = process.cpuUsage(a); return (b.user + b.system) / 1000; };
for (const v of Object.values(variants)) { await runSequential(v.send, 3000); await runConcurrent(v.send, 3000, 50); }
const res = Object.fromEntries(Object.keys(variants).map(k => [k, { seq: [], c50: [] }]));
for (let r = 0; r < 7; r++) for (const [k, v] of Object.entries(variants)) {
  res[k].seq.push(await cpu(() => runSequential(v.send, 3000)));
  res[k].c50.push(await cpu(() => runConcurrent(v.send, 6000, 50)));
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(7), 'cpu ms seq', med(v.seq).toFixed(0), 'c50', med(v.c50).toFixed(0), ' bare/this seq', (med(res.bare.seq) / med(v.seq)).toFixed(3), 'c50', (med(res.bare.c50) / med(v.c50)).toFixed(3));
await api.stop();
