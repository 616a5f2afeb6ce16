// Plain scalars resolved as PyYAML's SafeLoader resolves them (YAML 1.1), on top of the `yaml`
// package's failsafe schema (maps, sequences, strings). kfp writes pipeline packages with PyYAML
// and kfp.Client reads them back with it, so a plain `1e3` or `0o17` (strings to PyYAML, which
// therefore writes them unquoted) must stay a string, where YAML 1.2's core schema and the `yaml`
// package's own 1.1 schema read numbers. The patterns are those of PyYAML's resolver.py
// (Resolver.add_implicit_resolver), the values those of constructor.py
// (SafeConstructor.construct_yaml_*). Timestamps stay strings: a datetime cannot go into JSON.
import type { ScalarTag } from 'yaml';

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

function splitSign(data: string): { sign: number; digits: string } {
  const text = data.replaceAll('_', '');
  const sign = text.startsWith('-') ? -1 : 1;
  return { sign, digits: text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text };
}

function constructInt(data: string): number {
  const { sign, digits } = splitSign(data);
  if (digits === '0') return 0;
  if (digits.startsWith('0b')) return sign * Number.parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * Number.parseInt(digits.slice(2), 16);
  if (digits.startsWith('0')) return sign * Number.parseInt(digits, 8);
  if (digits.includes(':')) return sign * sexagesimal(digits);
  return sign * Number.parseInt(digits, 10);
}

function constructFloat(data: string): number {
  const { sign, digits } = splitSign(data.toLowerCase());
  if (digits === '.inf') return sign * Number.POSITIVE_INFINITY;
  if (digits === '.nan') return Number.NaN;
  if (digits.includes(':')) return sign * sexagesimal(digits);
  return sign * Number.parseFloat(digits);
}

// The `test` patterns are anchored, so `yaml` only applies them to a whole plain scalar; quoted
// scalars stay strings, as in PyYAML.
const implicit = (name: string, test: RegExp, resolve: (text: string) => unknown): ScalarTag => ({
  tag: `tag:yaml.org,2002:${name}`,
  default: true,
  test,
  resolve,
});

/** PyYAML SafeLoader's implicit scalar types, in its resolver's order of precedence. */
export const PYYAML_SCALAR_TAGS: ScalarTag[] = [
  implicit('null', NULL, () => null),
  implicit('bool', BOOL, (text) => /^(?:yes|true|on)$/i.test(text)),
  implicit('int', INT, constructInt),
  implicit('float', FLOAT, constructFloat),
];
