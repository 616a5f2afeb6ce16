// One protobuf pin from pin to outputs, in memory: sync -> buf + protoc-gen-es.
import { readPin, specFileName } from './pins.mjs';
import { generateProtobufEs } from './protobuf-codegen.mjs';
import { syncSpec } from './sync.mjs';

/**
 * @param {string} api @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ pin: import('./pins.mjs').Pin, files: Map<string, string> }>} files: path under src/generated -> text
 */
export async function codegenProtobuf(api, options = {}) {
  const pin = readPin(api);
  const file = await syncSpec(pin, options);
  const source = `${pin.upstream.repo}@${pin.upstream.tag}:${pin.upstream.path}`;
  return { pin, files: generateProtobufEs(file, specFileName(pin), source) };
}
