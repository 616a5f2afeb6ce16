// Figure 2: N concurrent first requests hit a plugin whose credential cache is
// empty. Single-flight acquisition means one token fetch / file read / login
// however large N is; the table shows the count observed from outside the
// plugin and how long the first and the last response took. Each burst runs on
// warm keep-alive connections (primed by an unsigned burst of the same size),
// so the times isolate the credential's cost from TCP connection setup.
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { authScenarios } from '../auth/index.mjs';
import { startApiServer } from '../lib/api-server.mjs';
import { runBurst } from '../lib/load.mjs';
import { median, rotate } from '../lib/stats.mjs';
import { fixed } from '../lib/table.mjs';

const REFERENCE = 'static-token';

/** @param {{ rounds: number, bursts: number[] }} size */
export async function measureCredentialAcquisition(size) {
  const api = await startApiServer();
  const ready = [];
  const notMeasured = [];
  try {
    for (const scenario of authScenarios) {
      const setup = await scenario.setup({ api });
      if ('notMeasured' in setup) notMeasured.push({ scenario, ...setup });
      else ready.push({ scenario, ...setup });
    }
    /** @type {Map<string, { acquisitions: number[], firstMs: number[], allMs: number[] }>} */
    const samples = new Map();
    const sampleOf = (id, burst) => {
      const key = `${id}@${burst}`;
      if (!samples.has(key)) samples.set(key, { acquisitions: [], firstMs: [], allMs: [] });
      return samples.get(key);
    };
    for (let round = 0; round < size.rounds; round += 1) {
      for (const burst of size.bursts) {
        for (const { scenario, createPlugin, target = api } of rotate(ready, round)) {
          await runBurst(() => primeConnection(target), burst);
          const instance = await createPlugin();
          const client = createKfpV2Client({ baseUrl: target.url, auth: instance.plugin });
          const before = await instance.acquisitions();
          const { firstMs, allMs } = await runBurst(() => checkedGet(client, target.listPath), burst);
          const sample = sampleOf(scenario.id, burst);
          sample.acquisitions.push((await instance.acquisitions()) - before);
          instance.dispose?.();
          sample.firstMs.push(firstMs);
          sample.allMs.push(allMs);
        }
      }
    }
    return summarize(ready, notMeasured, samples, size);
  } finally {
    for (const { teardown } of ready) await teardown();
    await api.stop();
  }
}

/** An unsigned request whose answer (a 401 from a login gateway too) only serves to open a keep-alive connection. */
async function primeConnection(target) {
  const response = await fetch(`${target.url}${target.listPath}`);
  await response.arrayBuffer();
}

async function checkedGet(client, path) {
  const { response, error } = await client.GET(path);
  if (response.status !== 200 || error !== undefined)
    throw new Error(`GET ${path} got HTTP ${response.status}`);
}

function summarize(ready, notMeasured, samples, size) {
  const rows = [];
  for (const { scenario } of ready) {
    for (const burst of size.bursts) {
      const s = samples.get(`${scenario.id}@${burst}`);
      const reference = samples.get(`${REFERENCE}@${burst}`);
      const extraFirstMs = median(s.firstMs.map((ms, round) => ms - reference.firstMs[round]));
      rows.push({
        id: scenario.id,
        label: scenario.label,
        unit: scenario.acquisitionUnit,
        burst,
        extraFirstMs,
        ...s,
      });
    }
  }
  const countCell = (row) => {
    if (!row.unit) return 'none needed';
    const distinct = [...new Set(row.acquisitions)];
    const verdict = distinct.length === 1 && distinct[0] === 1 ? 'ok' : 'NOT single-flight';
    return `${distinct.join('/')} × ${row.unit} (${verdict})`;
  };
  const table = {
    title: 'Credential acquisition under load (empty cache, N concurrent first requests)',
    columns: ['plugin', 'N', 'acquisitions', 'first response ms', 'vs static token', 'all N done ms'],
    rows: [
      ...rows.map((row) => [
        row.label,
        row.burst,
        countCell(row),
        fixed(median(row.firstMs), 1),
        row.id === REFERENCE
          ? 'reference'
          : `${row.extraFirstMs >= 0 ? '+' : ''}${fixed(row.extraFirstMs, 1)} ms`,
        fixed(median(row.allMs), 1),
      ]),
      ...notMeasured.map(({ scenario, notMeasured: reason }) => [scenario.label, '', reason, '', '', '']),
    ],
    notes: [
      `${size.rounds} interleaved round(s) per N; acquisitions counted outside the plugin (server-side token count, ` +
        'file opens, logins at Dex) in every round; times are medians. The bench token endpoint answers after 10 ms; ' +
        "an OIDC acquisition includes the provider's discovery; a Dex acquisition is the whole scripted login, and " +
        'its requests go through the emulated gateway.',
      ...notMeasured.map((n) => `${n.scenario.label}: ${n.notMeasured}${n.detail ? ` (${n.detail})` : ''}.`),
    ],
  };
  const allSingleFlight = rows.every((row) => !row.unit || row.acquisitions.every((count) => count === 1));
  return { id: 'credential-acquisition', table, data: { size, rows, notMeasured, allSingleFlight } };
}
