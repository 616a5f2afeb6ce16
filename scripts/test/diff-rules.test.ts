// Every classification rule on our own small fixture: a change that triggers it
// with its class, and a similar change that must not be classified that way.
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../lib/diff/compare-documents.mjs';
import { changed, type Doc, petStore, renameSchema } from './fixtures/pet-store.ts';

type Class = 'major' | 'minor' | 'patch';
type Case = {
  rule: string;
  class: Class;
  before?: (doc: Doc) => void;
  triggers: (doc: Doc) => void;
  doesNot: (doc: Doc) => void;
};

const schemas = (doc: Doc) => doc.components.schemas;
const limit = (doc: Doc) => doc.paths['/pets'].get.parameters[0];
const getPet = (doc: Doc) => doc.paths['/pets/{id}'].get;

const cases: Record<string, Case> = {
  'operation removed': {
    rule: 'operation-removed',
    class: 'major',
    triggers: (d) => delete d.paths['/pets/{id}'].get,
    doesNot: (d) => (getPet(d).summary = 'Gets a pet.'),
  },
  'path changed (same operationId)': {
    rule: 'operation-moved',
    class: 'major',
    triggers: (d) => {
      d.paths['/pets/{petId}'] = d.paths['/pets/{id}'];
      delete d.paths['/pets/{id}'];
      d.paths['/pets/{petId}'].get.parameters[0].name = 'petId';
    },
    doesNot: (d) => {
      d.paths['/pets/{petId}'] = { get: { ...getPet(d), operationId: 'fetchPet' } };
      delete d.paths['/pets/{id}'];
    },
  },
  'method changed (same operationId)': {
    rule: 'operation-moved',
    class: 'major',
    triggers: (d) => {
      d.paths['/pets/{id}'].post = getPet(d);
      delete d.paths['/pets/{id}'].get;
    },
    doesNot: (d) => (d.paths['/pets/{id}'].post = { ...getPet(d), operationId: 'updatePet' }),
  },
  'operationId changed': {
    rule: 'operation-id-changed',
    class: 'major',
    triggers: (d) => (getPet(d).operationId = 'fetchPet'),
    doesNot: (d) => (getPet(d).description = 'Fetches one pet.'),
  },
  'operation added': {
    rule: 'operation-added',
    class: 'minor',
    triggers: (d) =>
      (d.paths['/owners'] = {
        get: { operationId: 'listOwners', responses: { 200: { description: 'OK' } } },
      }),
    doesNot: (d) => (getPet(d).responses[404] = { description: 'Not found' }),
  },
  'parameter removed': {
    rule: 'parameter-removed',
    class: 'major',
    triggers: (d) => (d.paths['/pets'].get.parameters = []),
    doesNot: (d) => (limit(d).description = 'How many pets per page.'),
  },
  'required parameter added': {
    rule: 'required-parameter-added',
    class: 'major',
    triggers: (d) =>
      d.paths['/pets'].get.parameters.push({
        name: 'sort',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    doesNot: (d) =>
      d.paths['/pets'].get.parameters.push({ name: 'sort', in: 'query', schema: { type: 'string' } }),
  },
  'optional parameter added': {
    rule: 'optional-parameter-added',
    class: 'minor',
    triggers: (d) =>
      d.paths['/pets'].get.parameters.push({ name: 'sort', in: 'query', schema: { type: 'string' } }),
    doesNot: (d) =>
      d.paths['/pets'].get.parameters.push({
        name: 'sort',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
  },
  'parameter made required': {
    rule: 'parameter-made-required',
    class: 'major',
    triggers: (d) => (limit(d).required = true),
    doesNot: (d) => (limit(d).description = 'How many pets per page.'),
  },
  'parameter made optional': {
    rule: 'parameter-made-optional',
    class: 'minor',
    before: (d) => (limit(d).required = true),
    triggers: () => {},
    doesNot: (d) => Object.assign(limit(d), { required: true, description: 'How many.' }),
  },
  'parameter type narrowed': {
    rule: 'enum-constraint-added',
    class: 'major',
    triggers: (d) => (limit(d).schema = { type: 'integer', enum: [10, 50] }),
    doesNot: (d) => (limit(d).schema = { type: 'integer', maximum: 100 }),
  },
  'required request field added': {
    rule: 'required-field-added',
    class: 'major',
    triggers: (d) => {
      schemas(d).NewPet.properties.owner_id = { type: 'string' };
      schemas(d).NewPet.required.push('owner_id');
    },
    // The same in a response-only schema: readers just get one more field.
    doesNot: (d) => {
      schemas(d).Pet.properties.owner_id = { type: 'string' };
      schemas(d).Pet.required.push('owner_id');
    },
  },
  'optional field added': {
    rule: 'optional-field-added',
    class: 'minor',
    triggers: (d) => (schemas(d).NewPet.properties.color = { type: 'string' }),
    doesNot: (d) => {
      schemas(d).NewPet.properties.color = { type: 'string' };
      schemas(d).NewPet.required.push('color');
    },
  },
  'required field added to a schema used both ways': {
    rule: 'required-field-added',
    class: 'major',
    triggers: (d) =>
      Object.assign(schemas(d).Tag, {
        required: ['color'],
        properties: { label: { type: 'string' }, color: { type: 'string' } },
      }),
    doesNot: (d) => (schemas(d).Tag.properties.color = { type: 'string' }),
  },
  'required field added to a schema no operation uses (judged both ways)': {
    rule: 'required-field-added',
    class: 'major',
    triggers: (d) =>
      Object.assign(schemas(d).Unused, {
        required: ['x'],
        properties: { note: { type: 'string' }, x: { type: 'string' } },
      }),
    doesNot: (d) => (schemas(d).Unused.properties.x = { type: 'string' }),
  },
  'response field removed': {
    rule: 'field-removed',
    class: 'major',
    triggers: (d) => delete schemas(d).Pet.properties.nickname,
    doesNot: (d) => (schemas(d).Pet.properties.nickname.description = 'What friends call it.'),
  },
  'response field made optional': {
    rule: 'field-made-optional',
    class: 'major',
    triggers: (d) => (schemas(d).Pet.required = ['id']),
    // In a request it accepts more: minor.
    doesNot: (d) => (schemas(d).NewPet.required = []),
  },
  'request field made required by a default (openapi-typescript types it as always present)': {
    rule: 'field-made-required',
    class: 'major',
    triggers: (d) => (schemas(d).NewPet.properties.nickname.default = 'Rex'),
    doesNot: (d) => (schemas(d).Pet.properties.nickname.default = 'Rex'),
  },
  'response field type changed': {
    rule: 'type-changed',
    class: 'major',
    triggers: (d) => (schemas(d).Pet.properties.born = { type: 'integer', format: 'int64' }),
    doesNot: (d) => (schemas(d).Pet.properties.born.format = 'date'),
  },
  'response field type narrowed to an enum': {
    rule: 'enum-constraint-added',
    class: 'major',
    triggers: (d) => (schemas(d).Pet.properties.nickname.enum = ['Rex', 'Tom']),
    doesNot: (d) => (schemas(d).Pet.properties.nickname.maxLength = 20),
  },
  'response field becomes nullable': {
    rule: 'nullable-added',
    class: 'major',
    triggers: (d) => (schemas(d).Pet.properties.nickname.nullable = true),
    // A request field that now accepts null accepts more: minor.
    doesNot: (d) => (schemas(d).NewPet.properties.nickname.nullable = true),
  },
  'enum value removed from a request': {
    rule: 'enum-value-removed',
    class: 'major',
    triggers: (d) => (schemas(d).Kind.enum = ['CAT']),
    doesNot: (d) => (schemas(d).Kind.enum = ['CAT', 'DOG', 'BIRD']),
  },
  'enum value added to a response': {
    rule: 'enum-value-added',
    class: 'minor',
    triggers: (d) => (schemas(d).Status.enum = ['AVAILABLE', 'SOLD', 'LOST']),
    doesNot: (d) => (schemas(d).Status.description = 'Where the pet is.'),
  },
  'field points at a schema of the same shape': {
    rule: 'type-reference-changed',
    class: 'patch',
    triggers: (d) => {
      schemas(d).Person = structuredClone(schemas(d).Owner);
      schemas(d).Pet.properties.owner = { $ref: '#/components/schemas/Person' };
    },
    doesNot: (d) => {
      schemas(d).Person = { type: 'object', properties: { name: { type: 'string' } } };
      schemas(d).Pet.properties.owner = { $ref: '#/components/schemas/Person' };
    },
  },
  'field points at a schema missing a field': {
    rule: 'type-reference-changed',
    class: 'major',
    triggers: (d) => {
      schemas(d).Person = { type: 'object', properties: { name: { type: 'string' } } };
      schemas(d).Pet.properties.owner = { $ref: '#/components/schemas/Person' };
    },
    doesNot: (d) => {
      schemas(d).Person = structuredClone(schemas(d).Owner);
      schemas(d).Pet.properties.owner = { $ref: '#/components/schemas/Person' };
    },
  },
  'request body made required': {
    rule: 'request-body-made-required',
    class: 'major',
    triggers: (d) => (d.paths['/tags'].put.requestBody.required = true),
    doesNot: (d) => (d.paths['/pets'].post.requestBody.required = false),
  },
  'request body removed': {
    rule: 'request-body-removed',
    class: 'major',
    triggers: (d) => delete d.paths['/tags'].put.requestBody,
    doesNot: (d) => (d.paths['/tags'].put.requestBody.description = 'The tag.'),
  },
  'response removed': {
    rule: 'response-removed',
    class: 'major',
    triggers: (d) => delete getPet(d).responses.default,
    doesNot: (d) => (getPet(d).responses.default.description = 'An error.'),
  },
  'response added': {
    rule: 'response-added',
    class: 'minor',
    triggers: (d) => (getPet(d).responses[404] = { description: 'Not found' }),
    doesNot: (d) => (getPet(d).responses[200].description = 'The pet.'),
  },
  'exported schema removed': {
    rule: 'schema-removed',
    class: 'major',
    triggers: (d) => delete schemas(d).Unused,
    doesNot: (d) => renameSchema(d, 'googlerpcStatus', 'googleRpcStatus'),
  },
  'exported schema renamed': {
    rule: 'schema-renamed',
    class: 'major',
    triggers: (d) => renameSchema(d, 'googlerpcStatus', 'googleRpcStatus'),
    // An unrelated schema replacing a removed one is not a rename.
    doesNot: (d) => {
      delete schemas(d).Unused;
      schemas(d).Audit = { type: 'object', properties: { at: { type: 'string' }, by: { type: 'string' } } };
    },
  },
  'exported schema added': {
    rule: 'schema-added',
    class: 'minor',
    triggers: (d) => (schemas(d).Audit = { type: 'object', properties: { at: { type: 'string' } } }),
    doesNot: (d) => renameSchema(d, 'googlerpcStatus', 'googleRpcStatus'),
  },
  'integer becomes number (both are `number` in TypeScript)': {
    rule: 'number-kind-changed',
    class: 'patch',
    triggers: (d) => (schemas(d).NewPet.properties.age.type = 'number'),
    doesNot: (d) => (schemas(d).NewPet.properties.age = { type: 'string' }),
  },
  'descriptions and examples': {
    rule: 'text-changed',
    class: 'patch',
    triggers: (d) =>
      Object.assign(schemas(d).Pet.properties.name, { description: 'Its name.', example: 'Rex' }),
    doesNot: (d) => delete schemas(d).Pet.properties.name,
  },
  'operation summary': {
    rule: 'operation-text-changed',
    class: 'patch',
    triggers: (d) => (d.paths['/pets'].get.summary = 'Lists all pets.'),
    doesNot: (d) => (d.paths['/pets'].get.deprecated = true),
  },
};

function compare(change: (doc: Doc) => void, before: (doc: Doc) => void = () => {}) {
  return compareDocuments(changed(before), changed(change));
}

describe.each(Object.entries(cases))('%s', (_name, rule) => {
  it(`is ${rule.class} (${rule.rule})`, () => {
    const { changes } = compare(rule.triggers, rule.before);
    expect(changes).toContainEqual(expect.objectContaining({ rule: rule.rule, class: rule.class }));
  });

  it(`a similar change is reported, but not as ${rule.class} ${rule.rule}`, () => {
    const { changes } = compare(rule.doesNot, rule.before);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes).not.toContainEqual(expect.objectContaining({ rule: rule.rule, class: rule.class }));
  });
});

describe('whole comparisons', () => {
  it('finds nothing when nothing changed', () => {
    const result = compareDocuments(petStore(), petStore());
    expect(result.changes).toEqual([]);
    expect(result.highest).toBeUndefined();
  });

  it('reports a rename once, not at every operation that refers to the schema', () => {
    const result = compare((d) => renameSchema(d, 'googlerpcStatus', 'googleRpcStatus'));
    expect(result.renames).toEqual(new Map([['googlerpcStatus', 'googleRpcStatus']]));
    expect(result.changes).toEqual([
      {
        class: 'major',
        rule: 'schema-renamed',
        group: { kind: 'schema', name: 'googleRpcStatus' },
        message:
          'schema `googlerpcStatus` renamed to `googleRpcStatus` (same shape): import `googleRpcStatus` instead',
      },
    ]);
  });

  it('detects a rename whose body also changed a little, and reports both', () => {
    const result = compare((d) => {
      renameSchema(d, 'googlerpcStatus', 'googleRpcStatus');
      schemas(d).googleRpcStatus.properties.reason = { type: 'string' };
    });
    expect(result.changes.map((change) => change.rule)).toEqual(['schema-renamed', 'optional-field-added']);
  });

  it('detects renames of schemas that refer to each other', () => {
    const result = compare((d) => {
      renameSchema(d, 'Owner', 'PetOwner');
      renameSchema(d, 'Pet', 'PetV2');
    });
    expect(result.renames).toEqual(
      new Map([
        ['Pet', 'PetV2'],
        ['Owner', 'PetOwner'],
      ]),
    );
    expect(result.highest).toBe('major');
  });

  it('judges only text changes as patch overall', () => {
    const result = compare((d) => {
      d.info.description = 'A pet store.';
      schemas(d).Kind.description = 'The kind of pet.';
      getPet(d).summary = 'Gets a pet.';
    });
    expect(result.highest).toBe('patch');
    expect(result.changes).toHaveLength(3);
  });

  it('takes the highest class of all changes', () => {
    const result = compare((d) => {
      schemas(d).Pet.properties.color = { type: 'string' };
      schemas(d).Kind.enum = ['CAT'];
    });
    expect(result.highest).toBe('major');
  });
});
