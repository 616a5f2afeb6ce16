// Plain scalars resolved as PyYAML's SafeLoader resolves them (YAML 1.1), on top of js-yaml's
// failsafe schema. kfp writes packages with PyYAML and kfp.Client reads them back with it, so a
// plain `1e3` or `0o17` (strings to PyYAML, which therefore writes them unquoted) must stay a
// string, where YAML 1.2's core schema would turn it into a number. The patterns are those of
// PyYAML's resolver.py (Resolver.add_implicit_resolver) and the values those of constructor.py
// (SafeConstructor.construct_yaml_*). Timestamps stay strings: a datetime cannot go into JSON.
// No maintained YAML library offers this: js-yaml 4 only ships YAML 1.2 schemas, and the `yaml`
// package's 1.1 schema comes with a parser that rejects one of upstream's compiled pipelines.
import { FAILSAFE_SCHEMA, type Schema, Type } from 'js-yaml';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

/** `1:30:00` -> 5400, as PyYAML reads base-60 numbers. */
function sexagesimal(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function constructInt(data: string): number {
  let text = data.replaceAll('_', '');
  let sign = 1;
  if (text.startsWith('-')) sign = -1;
  if (text.startsWith('-') || text.startsWith('+')) text = text.slice(1);
  if (text === '0') return 0;
  if (text.startsWith('0b')) return sign * Number.parseInt(text.slice(2), 2);
  if (text.startsWith('0x')) return sign * Number.parseInt(text.slice(2), 16);
  if (text.startsWith('0')) return sign * Number.parseInt(text, 8);
  if (text.includes(':')) return sign * sexagesimal(text);
  return sign * Number.parseInt(text, 10);
}

function constructFloat(data: string): number {
  let text = data.replaceAll('_', '').toLowerCase();
  let sign = 1;
  if (text.startsWith('-')) sign = -1;
  if (text.startsWith('-') || text.startsWith('+')) text = text.slice(1);
  if (text === '.inf') return sign * Number.POSITIVE_INFINITY;
  if (text === '.nan') return Number.NaN;
  if (text.includes(':')) return sign * sexagesimal(text);
  return sign * Number.parseFloat(text);
}

const scalar = (tag: string, pattern: RegExp, construct: (data: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    // js-yaml passes null for an empty node.
    resolve: (data: string | null) => pattern.test(data ?? ''),
    construct: (data: string | null) => construct(data ?? ''),
  });

/** The `<<` merge key, which PyYAML's SafeLoader also honours. */
const merge = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: string | null) => data === '<<',
});

export const PYYAML_SAFE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', NULL, () => null),
    scalar('bool', BOOL, (data) => /^(?:yes|true|on)$/i.test(data)),
    scalar('int', INT, constructInt),
    scalar('float', FLOAT, constructFloat),
    merge,
  ],
});
