// One API from pin to outputs, in memory: sync -> overlay -> convert -> types.
import { generateTypes } from './codegen.mjs';
import { convertSpec } from './convert.mjs';
import { readPin } from './pins.mjs';
import { syncSpec } from './sync.mjs';

/** @param {string} api @param {{ log?: (line: string) => void }} [options] */
export async function codegenApi(api, options = {}) {
  const pin = readPin(api);
  const file = await syncSpec(pin, options);
  const openapi = await convertSpec(api, file);
  const types = await generateTypes(openapi);
  return { pin, openapi, types };
}
