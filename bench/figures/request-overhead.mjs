// Figure 1: what a request costs through our client, next to raw fetch and bare
// openapi-fetch, with and without each auth plugin in steady state (credential
// already cached). Loopback, servers in their own processes, interleaved rounds
// (rotated order), medians of per-round throughput ratios.
//
// Contenders are grouped by the server they talk to, and ratios are taken
// within a group only: a plugin that must go through a login gateway (Dex
// session cookie) is compared with raw fetch and bare openapi-fetch sending the
// same cookie to the same gateway, never with requests to a cheaper server.
import { authScenarios } from '../auth/index.mjs';
import { startApiServer } from '../lib/api-server.mjs';
import { openapiFetchContender, ourClientContender, rawFetchContender } from '../lib/contenders.mjs';
import { runConcurrent, runSequential } from '../lib/load.mjs';
import { median, rotate } from '../lib/stats.mjs';
import { fixed } from '../lib/table.mjs';

const CONCURRENCY = 50;

/** @param {{ rounds: number, sequentialRequests: number, concurrentRequests: number, warmupRequests: number }} size */
export async function measureRequestOverhead(size) {
  const api = await startApiServer();
  const teardowns = [];
  const disposers = [];
  try {
    const benchServer = {
      label: 'bench API server',
      contenders: [
        rawFetchContender(api),
        openapiFetchContender(api),
        ourClientContender(api, { id: 'ours-no-auth', label: 'our client, no auth' }),
      ],
      references: { rawFetch: 'raw-fetch', openapiFetch: 'openapi-fetch', noAuth: 'ours-no-auth' },
    };
    const groups = [benchServer];
    const steadyChecks = [];
    const notMeasured = [];
    for (const scenario of authScenarios) {
      const ready = await scenario.setup({ api });
      if ('notMeasured' in ready) {
        notMeasured.push({ id: scenario.id, label: `our client + ${scenario.label}`, ...ready });
        continue;
      }
      teardowns.push(ready.teardown);
      const instance = await ready.createPlugin();
      disposers.push(() => instance.dispose?.());
      const target = ready.target ?? api;
      const label = `our client + ${scenario.label}`;
      const ours = {
        ...ourClientContender(target, { id: scenario.id, label, auth: instance.plugin }),
        signed: true,
      };
      steadyChecks.push({ id: scenario.id, instance, onBenchServer: !ready.target });
      if (!ready.target) {
        benchServer.contenders.push(ours);
        continue;
      }
      await ours.send(); // the credential the references copy
      const headers = instance.referenceHeaders();
      const ids = { rawFetch: `${scenario.id}:raw-fetch`, openapiFetch: `${scenario.id}:openapi-fetch` };
      groups.push({
        label: ready.target.label,
        contenders: [
          rawFetchContender(target, {
            id: ids.rawFetch,
            label: 'raw fetch, same credential set by hand',
            headers,
          }),
          openapiFetchContender(target, {
            id: ids.openapiFetch,
            label: 'bare openapi-fetch, same credential set by hand',
            headers,
          }),
          ours,
        ],
        references: ids,
      });
    }
    const contenders = groups.flatMap((group) => group.contenders);

    // Warm-up: JIT, keep-alive connections, and the one credential acquisition each plugin makes.
    for (const contender of contenders) {
      await runSequential(contender.send, size.warmupRequests);
      await runConcurrent(contender.send, size.warmupRequests, CONCURRENCY);
    }
    const acquiredAfterWarmup = new Map();
    for (const { id, instance } of steadyChecks) acquiredAfterWarmup.set(id, await instance.acquisitions());
    await api.resetStats();

    const samples = new Map(contenders.map((c) => [c.id, { sequentialMs: [], concurrentMs: [] }]));
    for (let round = 0; round < size.rounds; round += 1) {
      for (const contender of rotate(contenders, round)) {
        const ms = await runSequential(contender.send, size.sequentialRequests);
        samples.get(contender.id).sequentialMs.push(ms);
      }
      for (const contender of rotate(contenders, round)) {
        const ms = await runConcurrent(contender.send, size.concurrentRequests, CONCURRENCY);
        samples.get(contender.id).concurrentMs.push(ms);
      }
    }

    // Steady state: no acquisition during the measured rounds, and the bench server saw every auth request signed
    // (a gateway answers an unsigned request with 401, which `send` refuses).
    const stats = await api.stats();
    const steadyState = {};
    for (const { id, instance } of steadyChecks) {
      steadyState[id] = {
        acquisitionsDuringRounds: (await instance.acquisitions()) - acquiredAfterWarmup.get(id),
      };
    }
    const signedOnBenchServer = steadyChecks.filter((check) => check.onBenchServer).length;
    const expectedSigned =
      signedOnBenchServer * size.rounds * (size.sequentialRequests + size.concurrentRequests);

    return summarize(groups, samples, size, { stats, steadyState, expectedSigned, notMeasured });
  } finally {
    for (const dispose of disposers) dispose();
    for (const teardown of teardowns) await teardown();
    await api.stop();
  }
}

function summarize(groups, samples, size, checks) {
  // Per-round ratio of throughputs (reference time / contender time), then the median: pairs share a round's conditions.
  const ratio = (id, to, kind) =>
    median(samples.get(id)[kind].map((ms, round) => samples.get(to)[kind][round] / ms));
  const rows = groups.flatMap((group) =>
    group.contenders.map((c) => {
      const s = samples.get(c.id);
      const { rawFetch, openapiFetch, noAuth } = group.references;
      // What auth itself costs: the same client without the plugin (no such row where the server requires a login).
      const vsNoAuth = (kind) => (c.signed && noAuth ? ratio(c.id, noAuth, kind) : undefined);
      return {
        id: c.id,
        label: c.label,
        server: group.label,
        sequential: {
          microsPerRequest: median(s.sequentialMs) * (1000 / size.sequentialRequests),
          vsRawFetch: ratio(c.id, rawFetch, 'sequentialMs'),
          vsOpenapiFetch: ratio(c.id, openapiFetch, 'sequentialMs'),
          vsNoAuth: vsNoAuth('sequentialMs'),
        },
        concurrent: {
          requestsPerSecond: size.concurrentRequests / (median(s.concurrentMs) / 1000),
          vsRawFetch: ratio(c.id, rawFetch, 'concurrentMs'),
          vsOpenapiFetch: ratio(c.id, openapiFetch, 'concurrentMs'),
          vsNoAuth: vsNoAuth('concurrentMs'),
        },
        samples: s,
      };
    }),
  );
  const table = {
    title:
      'Request overhead (loopback; throughput ratios within the same server: 1.00 = as fast as the reference, higher is faster)',
    columns: [
      'server',
      'contender',
      'seq µs/req',
      'seq vs fetch',
      'seq vs openapi-fetch',
      'seq vs no auth',
      `c${CONCURRENCY} req/s`,
      `c${CONCURRENCY} vs fetch`,
      `c${CONCURRENCY} vs openapi-fetch`,
      `c${CONCURRENCY} vs no auth`,
    ],
    rows: [
      ...rows.map((r) => [
        r.server,
        r.label,
        fixed(r.sequential.microsPerRequest, 0),
        fixed(r.sequential.vsRawFetch),
        fixed(r.sequential.vsOpenapiFetch),
        r.sequential.vsNoAuth === undefined ? '—' : fixed(r.sequential.vsNoAuth),
        fixed(r.concurrent.requestsPerSecond, 0),
        fixed(r.concurrent.vsRawFetch),
        fixed(r.concurrent.vsOpenapiFetch),
        r.concurrent.vsNoAuth === undefined ? '—' : fixed(r.concurrent.vsNoAuth),
      ]),
      ...checks.notMeasured.map((n) => ['', n.label, n.notMeasured, '', '', '', '', '', '', '']),
    ],
    notes: [
      `${size.rounds} interleaved rounds of ${size.sequentialRequests} sequential and ${size.concurrentRequests} ` +
        `concurrency-${CONCURRENCY} GET requests per contender; medians of per-round ratios. "vs no auth": the ` +
        'same client without the plugin, i.e. what auth costs in steady state (the Dex gateway refuses unsigned ' +
        'requests, so there it has no such row).',
      `Steady state: credential acquisitions during the rounds: ${
        Object.entries(checks.steadyState)
          .map(([id, s]) => `${id} ${s.acquisitionsDuringRounds}`)
          .join(', ') || 'none measured'
      }; signed requests seen by the bench server: ${checks.stats.authorized} of ${checks.expectedSigned} expected.`,
      ...checks.notMeasured.map((n) => `${n.label}: ${n.notMeasured}${n.detail ? ` (${n.detail})` : ''}.`),
    ],
  };
  return { id: 'request-overhead', table, data: { size, concurrency: CONCURRENCY, rows, checks } };
}
