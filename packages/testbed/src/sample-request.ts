/**
 * Derives, from an OpenAPI 3 document, the smallest request each operation
 * accepts: every path parameter, required query/header parameters and the
 * required fields of the request body, filled with values valid for their
 * schema. Contract tests send these through the typed clients to Prism, which
 * refuses anything the spec does not allow.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
};

type RequestBody = { required?: boolean; content?: Record<string, { schema?: Schema }> };

type Operation = {
  operationId?: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: RequestBody | { $ref: string };
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
}

export interface SampleRequest {
  method: string;
  path: string;
  operationId: string;
  params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  body?: unknown;
  contentType?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function sampleRequests(document: OpenApiDocument): SampleRequest[] {
  const requests: SampleRequest[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as Operation['parameters']) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const params: SampleRequest['params'] = { path: {}, query: {}, header: {} };
      for (const raw of [...shared, ...(operation.parameters ?? [])]) {
        const parameter = resolve<Parameter>(document, raw);
        if (parameter.in === 'cookie') continue;
        if (parameter.in === 'path' || parameter.required) {
          // A required list must not be empty: an empty list serializes to no parameter at all.
          const schema = parameter.schema ?? { type: 'string' };
          const atLeastOne = { ...schema, minItems: Math.max(schema.minItems ?? 0, 1) };
          params[parameter.in][parameter.name] = sampleValue(document, atLeastOne, 0);
        }
      }
      const request: SampleRequest = {
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        params,
      };
      const content = operation.requestBody && resolve<RequestBody>(document, operation.requestBody).content;
      if (content) {
        const [contentType, media] = Object.entries(content)[0] ?? [];
        if (contentType) {
          request.contentType = contentType;
          request.body = sampleValue(document, media?.schema ?? { type: 'object' }, 0);
        }
      }
      requests.push(request);
    }
  }
  return requests;
}

function resolve<T>(document: OpenApiDocument, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let hops = 0; hops < 32 && current && typeof current === 'object' && '$ref' in current; hops += 1) {
    const ref = (current as { $ref: string }).$ref;
    current = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], document);
  }
  return current as T;
}

function sampleValue(document: OpenApiDocument, raw: Schema, depth: number): unknown {
  const schema = resolve<Schema>(document, raw);
  if (depth > 12) return undefined;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.allOf) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf.map((entry) => resolve<Schema>(document, entry))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return sampleValue(document, merged, depth + 1);
  }
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return sampleValue(document, alternative, depth + 1);
  switch (schema.type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      // `true`, not `false`: Prism reports a JSON body of `false` as "Body parameter is required".
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        sampleValue(document, schema.items ?? {}, depth + 1),
      );
    default: {
      const body: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        body[name] = sampleValue(document, schema.properties?.[name] ?? { type: 'string' }, depth + 1);
      }
      return body;
    }
  }
}

function sampleString(schema: Schema): unknown {
  switch (schema.format) {
    case 'binary':
      return new Blob(['# pipeline\n'], { type: 'application/x-yaml' });
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'byte':
      return 'AA==';
    case 'int64':
    case 'uint64':
      return '1';
    default:
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}
