// One protobuf pin from pin to outputs, in memory: sync -> buf + protoc-gen-es.
import { pinnedFiles, protoModulePath, readPin } from './pins.mjs';
import { generateProtobufEs } from './protobuf-codegen.mjs';
import { syncSpec } from './sync.mjs';

/**
 * @param {string} api @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ pin: import('./pins.mjs').Pin, files: Map<string, string> }>} files: path under src/generated -> text
 */
export async function codegenProtobuf(api, options = {}) {
  const pin = readPin(api);
  const protos = await syncProtos(pin, options);
  const source = `${pin.upstream.repo}@${pin.upstream.tag}:${pinnedFiles(pin)
    .map((file) => file.upstream.path)
    .join(', ')}`;
  return { pin, files: generateProtobufEs(protos, source) };
}

/**
 * Syncs and verifies every file of a protobuf pin.
 * @param {import('./pins.mjs').Pin} pin @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<import('./protobuf-codegen.mjs').ProtoInput[]>} the main file first
 */
export async function syncProtos(pin, options = {}) {
  const protos = [];
  for (const file of pinnedFiles(pin)) {
    protos.push({ file: await syncSpec(file, options), name: protoModulePath(pin, file) });
  }
  return protos;
}
