// Figure 6: what loading a compiled pipeline costs (@ml-platform/kfp-pipeline-spec's
// loadPipelinePackage from dist/), next to the floors it cannot beat: parsing the same text with
// the `yaml` package alone (the parser core's YAML reader is built on; no validation), and JSON.parse of the same spec as JSON. Inputs: the largest of
// upstream's compiled pipelines (../shared/fixtures/kfp-pipelines/valid), and a synthetic package of
// about 1 MB made from its pipeline spec (its components and executors copied until it is). The JSON
// input is the pipeline spec alone (JSON has one document). Interleaved rounds,
// medians; each sample is the mean of a fixed count of loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, rotate, spread } from '../lib/stats.mjs';
import { fixed, kilobytes } from '../lib/table.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = resolve(ROOT, '..', 'shared', 'fixtures', 'kfp-pipelines', 'valid');

function largestFixture() {
  const files = readdirSync(FIXTURES).map((name) => ({ name, size: statSync(join(FIXTURES, name)).size }));
  const [largest] = files.sort((a, b) => b.size - a.size);
  if (!largest) throw new Error(`no fixtures in ${FIXTURES}: the pipeline-load figure needs ../shared`);
  return { name: largest.name, text: readFileSync(join(FIXTURES, largest.name), 'utf8') };
}

/** The fixture with its components and executors copied `times` times under new names. */
function enlarged(spec, times) {
  const copy = structuredClone(spec);
  for (let i = 0; i < times; i += 1) {
    for (const [name, component] of Object.entries(spec.components ?? {})) {
      copy.components[`${name}-copy-${i}`] = {
        ...component,
        ...(component.executorLabel ? { executorLabel: `${component.executorLabel}-copy-${i}` } : {}),
      };
    }
    for (const [label, executor] of Object.entries(spec.deploymentSpec?.executors ?? {})) {
      copy.deploymentSpec.executors[`${label}-copy-${i}`] = executor;
    }
  }
  return copy;
}

/** @param {{ rounds: number, loads: number }} size */
export async function measurePipelineLoad(size) {
  const { loadPipelinePackage } = await import('@ml-platform/kfp-pipeline-spec');
  const { parseAllDocuments, stringify } = await import('yaml');
  const loadAll = (text) => parseAllDocuments(text, { version: '1.1' }).map((document) => document.toJS());
  const dump = (value, options = {}) => stringify(value, { aliasDuplicateObjects: false, ...options });
  const firstDocument = (text) => loadAll(text)[0];
  const fixture = largestFixture();
  const spec = firstDocument(fixture.text);
  const perCopy = dump(enlarged(spec, 1)).length - dump(spec).length;
  const copies = Math.ceil((1_000_000 - dump(spec).length) / perCopy);
  const bigSpec = enlarged(spec, copies);
  const inputs = [
    { label: `${fixture.name} (largest fixture)`, yaml: fixture.text },
    {
      label: `synthetic (its components copied ${copies}×)`,
      yaml: dump(bigSpec, { lineWidth: 80 }),
    },
  ].map((input) => ({
    ...input,
    json: JSON.stringify(firstDocument(input.yaml)),
    bytes: Buffer.byteLength(input.yaml),
  }));

  const contenders = [
    {
      id: 'load-yaml',
      label: 'loadPipelinePackage({ text }) (YAML, validated)',
      run: (i) => loadPipelinePackage({ text: i.yaml, name: 'p.yaml' }),
    },
    {
      id: 'load-json',
      label: 'loadPipelinePackage({ text }) (JSON, validated)',
      run: (i) => loadPipelinePackage({ text: i.json, name: 'p.json' }),
    },
    { id: 'yaml', label: 'yaml parseAllDocuments alone (no validation)', run: (i) => loadAll(i.yaml) },
    { id: 'json-parse', label: 'JSON.parse alone (no validation)', run: (i) => JSON.parse(i.json) },
  ];
  /** @type {Record<string, Record<string, number[]>>} */
  const samples = {};
  for (const input of inputs) {
    samples[input.label] = Object.fromEntries(contenders.map((c) => [c.id, []]));
    const loads = input.bytes > 100_000 ? Math.max(5, Math.round(size.loads / 20)) : size.loads;
    for (const contender of contenders) await contender.run(input); // warm-up, and a failure shows early
    for (let round = 0; round < size.rounds; round += 1) {
      for (const contender of rotate(contenders, round)) {
        const started = performance.now();
        for (let n = 0; n < loads; n += 1) await contender.run(input);
        samples[input.label][contender.id].push((performance.now() - started) / loads);
      }
    }
  }
  const rows = [];
  for (const input of inputs) {
    const floor = median(samples[input.label].yaml);
    for (const contender of contenders) {
      const values = samples[input.label][contender.id];
      const { min, max } = spread(values);
      rows.push([
        input.label,
        kilobytes(input.bytes),
        contender.label,
        fixed(median(values), 3),
        `${fixed(min, 3)}–${fixed(max, 3)}`,
        `${fixed(median(values) / floor, 2)}×`,
      ]);
    }
  }
  return {
    id: 'pipeline-load',
    table: {
      title: 'Loading a compiled pipeline: ms per load',
      columns: ['input', 'YAML size', 'what', 'median ms', 'range', 'vs yaml alone'],
      rows,
      notes: [
        `${size.rounds} interleaved round(s), medians of per-load means (${size.loads} loads per sample, fewer for the ` +
          'synthetic input). Validation is protojson parsing (fromJson) and the JSON form sent (toJson).',
      ],
    },
    data: { size, inputs: inputs.map(({ label, bytes }) => ({ label, bytes })), samples },
  };
}
