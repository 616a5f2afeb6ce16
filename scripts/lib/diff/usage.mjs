// Which way each named schema travels: in requests (the user writes it), in
// responses (the user reads it), or both. The class of a change inside a schema
// depends on it (see rules.mjs).
import { resolve, schemaRefName } from './refs.mjs';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @param {any} document an OpenAPI 3 document
 * @returns {Map<string, Set<'request' | 'response'>>} schema name -> directions it is reachable in
 */
export function schemaDirections(document) {
  /** @type {Map<string, Set<'request' | 'response'>>} */
  const directions = new Map();
  const schemas = document.components?.schemas ?? {};

  /** @param {any} schema @param {'request' | 'response'} direction */
  const walk = (schema, direction) => {
    if (typeof schema !== 'object' || schema === null) return;
    const name = schemaRefName(schema);
    if (name !== undefined) {
      const seen = directions.get(name) ?? new Set();
      if (seen.has(direction)) return;
      seen.add(direction);
      directions.set(name, seen);
      walk(schemas[name], direction);
      return;
    }
    for (const property of Object.values(schema.properties ?? {})) walk(property, direction);
    walk(schema.items, direction);
    walk(schema.additionalProperties, direction);
    walk(schema.not, direction);
    for (const key of ['allOf', 'oneOf', 'anyOf'])
      for (const member of schema[key] ?? []) walk(member, direction);
  };

  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method];
      if (!operation) continue;
      for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = resolve(document, parameter);
        walk(resolved.schema, 'request');
        for (const media of Object.values(resolved.content ?? {})) walk(media?.schema, 'request');
      }
      const body = resolve(document, operation.requestBody);
      for (const media of Object.values(body.content ?? {})) walk(media?.schema, 'request');
      for (const response of Object.values(operation.responses ?? {})) {
        const resolved = resolve(document, response);
        for (const media of Object.values(resolved.content ?? {})) walk(media?.schema, 'response');
        for (const header of Object.values(resolved.headers ?? {}))
          walk(resolve(document, header).schema, 'response');
      }
    }
  }
  return directions;
}

/**
 * The direction to judge a named schema by: where it travels in either version.
 * A schema no operation reaches is judged both ways: users may import it for anything.
 * @param {Set<string> | undefined} before @param {Set<string> | undefined} after
 * @returns {import('./rules.mjs').Direction}
 */
export function combinedDirection(before, after) {
  const all = new Set([...(before ?? []), ...(after ?? [])]);
  if (all.size === 1) return all.has('request') ? 'request' : 'response';
  return 'both';
}
