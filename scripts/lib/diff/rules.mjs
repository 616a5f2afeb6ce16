// Every kind of change the spec comparison knows, and its semver class as a
// TypeScript user of the generated package sees it. A class can depend on the
// direction the affected schema travels: a user *writes* request types (so the
// type accepting less breaks them) and *reads* response types (so the type
// promising less breaks them). A schema used both ways, or not reachable from
// any operation (a user may import it for either), takes the stricter class.

/** @typedef {'major' | 'minor' | 'patch'} ChangeClass */
/** @typedef {'request' | 'response' | 'both'} Direction */
/** @typedef {{ request: ChangeClass, response: ChangeClass, why: string }} Rule */

/** @type {ChangeClass[]} */
export const CLASS_ORDER = ['patch', 'minor', 'major'];

/** @param {ChangeClass} a @param {ChangeClass} b */
export function maxClass(a, b) {
  return CLASS_ORDER.indexOf(a) >= CLASS_ORDER.indexOf(b) ? a : b;
}

/** @param {ChangeClass} cls @param {string} why @returns {Rule} */
const same = (cls, why) => ({ request: cls, response: cls, why });

/** @type {Record<string, Rule>} */
export const RULES = {
  // Operations: `paths['/x']['get']` and `operations['OperationId']` are exported types.
  'operation-removed': same('major', 'code calling it no longer compiles'),
  'operation-moved': same(
    'major',
    'the path or method changed: code using the old `paths` key no longer compiles',
  ),
  'operation-id-changed': same('major', 'the exported `operations` type is renamed'),
  'operation-added': same('minor', 'new functionality'),
  'operation-deprecated': same('minor', 'semver: deprecating functionality is a minor change'),
  'operation-undeprecated': same('patch', 'documentation only'),
  'operation-text-changed': same('patch', 'summary, description or tags: documentation only'),
  'operation-security-changed': same('patch', 'security requirements do not change the generated types'),
  'operation-other-changed': same('patch', 'no effect on the generated types'),
  'parameter-removed': same('major', 'code passing it no longer compiles'),
  'required-parameter-added': same('major', 'existing calls lack it'),
  'optional-parameter-added': same('minor', 'new functionality'),
  'parameter-made-required': same('major', 'existing calls may lack it'),
  'parameter-made-optional': same('minor', 'accepts more calls'),
  'parameter-text-changed': same('patch', 'documentation only'),
  'request-body-removed': same('major', 'code sending a body no longer compiles'),
  'required-request-body-added': same('major', 'existing calls lack it'),
  'optional-request-body-added': same('minor', 'new functionality'),
  'request-body-made-required': same('major', 'existing calls may lack it'),
  'request-body-made-optional': same('minor', 'accepts more calls'),
  'request-media-type-removed': same('major', 'code sending that content type no longer compiles'),
  'request-media-type-added': same('minor', 'new functionality'),
  'response-removed': same('major', 'code reading that response no longer compiles'),
  'response-added': same('minor', 'new functionality'),
  'response-media-type-removed': same('major', 'code reading that content type no longer compiles'),
  'response-media-type-added': same('minor', 'new functionality'),
  'response-header-removed': same('major', 'code reading it no longer compiles'),
  'response-header-added': same('minor', 'new functionality'),
  'response-text-changed': same('patch', 'documentation only'),

  // Exported names: `components['schemas']['Name']` and friends.
  'schema-removed': same('major', 'code importing the type no longer compiles'),
  'schema-renamed': same('major', 'code importing the type by its old name no longer compiles'),
  'schema-added': same('minor', 'new exported type'),
  'component-removed': same('major', 'code importing the type no longer compiles'),
  'component-added': same('minor', 'new exported type'),

  // Inside a schema (a named one, or one inline in an operation).
  'field-removed': same('major', 'code setting it (request) or reading it (response) no longer compiles'),
  'field-renamed': same('major', 'code and documents using the old name no longer compile or parse'),
  'required-field-added': { request: 'major', response: 'minor', why: 'existing request objects lack it' },
  'optional-field-added': same('minor', 'new functionality'),
  'field-made-required': { request: 'major', response: 'minor', why: 'existing request objects may lack it' },
  'field-made-optional': {
    request: 'minor',
    response: 'major',
    why: 'readers now get `T | undefined` where they had `T`',
  },
  'type-changed': same('major', 'values of the old type no longer type-check'),
  'type-reference-changed': same(
    'patch',
    'class is that of the difference between the two referenced schemas',
  ),
  'type-became-unknown': {
    request: 'minor',
    response: 'major',
    why: 'readers get `unknown` and must narrow it',
  },
  'type-became-known': { request: 'major', response: 'minor', why: 'writers may send values of other types' },
  'nullable-added': { request: 'minor', response: 'major', why: 'readers must now handle `null`' },
  'nullable-removed': { request: 'major', response: 'minor', why: 'writers may send `null`' },
  'enum-value-removed': same('major', 'the union type is narrowed: code using that value no longer compiles'),
  'enum-value-added': same('minor', 'the union type gains a member (a `switch` needs a default branch)'),
  'enum-constraint-added': same('major', 'a free value is narrowed to a union of literals'),
  'enum-constraint-removed': same('minor', 'a union of literals is widened to its base type'),
  'map-values-added': same('minor', 'the type gains an index signature'),
  'map-values-removed': same(
    'major',
    'the index signature is gone: code using extra keys no longer compiles',
  ),
  'composition-changed': same('major', 'allOf/oneOf/anyOf members changed'),
  'field-deprecated': same('minor', 'semver: deprecating functionality is a minor change'),
  'field-undeprecated': same('patch', 'documentation only'),
  'number-kind-changed': same('patch', 'integer and number are both `number` in TypeScript'),
  'format-changed': same('patch', 'shown in a doc comment only'),
  'constraint-changed': same('patch', 'validation keywords do not change the generated types'),
  'text-changed': same('patch', 'descriptions, titles, examples, defaults: documentation only'),
  'schema-other-changed': same('patch', 'no effect on the generated types'),

  // The document as a whole (it ships as `openapi.json` in the package).
  'document-info-changed': same('patch', 'metadata only'),
  'document-servers-changed': same('patch', 'clients take `baseUrl` from the caller'),
  'document-security-changed': same('patch', 'security schemes do not change the generated types'),
  'document-tags-changed': same('patch', 'documentation only'),
  'document-other-changed': same('patch', 'no effect on the generated types'),
};

/**
 * @param {string} code a key of RULES
 * @param {Direction} direction
 * @returns {ChangeClass}
 */
export function classify(code, direction) {
  const rule = RULES[code];
  if (!rule) throw new Error(`unknown change rule "${code}"`);
  if (direction === 'both') return maxClass(rule.request, rule.response);
  return rule[direction];
}
