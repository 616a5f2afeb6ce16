// Upstream Swagger 2.0 document -> overlay fixes -> OpenAPI 3 document.
import { readFileSync } from 'node:fs';
import swagger2openapi from 'swagger2openapi';
import { parse } from 'yaml';
import { applyOverlay } from './overlay.mjs';

/** @param {string} file a JSON or YAML Swagger 2.0 document */
export function readSwagger(file) {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
}

/**
 * @param {string} api
 * @param {string} file the verified upstream document
 * @returns {Promise<any>} the OpenAPI 3.0 document
 */
export async function convertSpec(api, file) {
  const swagger = applyOverlay(api, readSwagger(file));
  // patch: fix minor upstream errors swagger2openapi knows how to fix; warnOnly: report, do not abort.
  const { openapi } = await swagger2openapi.convertObj(swagger, {
    patch: true,
    warnOnly: true,
    resolveInternal: false,
  });
  return openapi;
}
