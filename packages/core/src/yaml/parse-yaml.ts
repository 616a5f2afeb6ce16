import {
  Composer,
  type Document,
  type DocumentOptions,
  LineCounter,
  type ParseOptions,
  Parser,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { type AliasExcess, createAliasMeter } from './alias-expansion.js';
import { YamlError, YamlErrorCode } from './errors.js';
import { MAX_NESTING_DEPTH, nestingDepth } from './nesting-depth.js';
import { indentPyyamlQuotedScalars } from './pyyaml-quoted-indent.js';
import { PYYAML_SCALAR_TAGS } from './pyyaml-scalars.js';

/** How `parseYaml` and `parseYamlDocuments` read a text. */
export interface YamlOptions {
  /** The file or input named in errors (`'pipeline.yaml'`, `'kubeconfig /home/u/.kube/config'`). */
  source: string;
  /**
   * `'1.1'` reads as PyYAML's `safe_load` does (plain `yes` is `true`, `1e3` is a string, `<<`
   * merges, double-quoted continuation lines may sit at the parent's column); `'1.2'` (default)
   * reads YAML 1.2's core schema.
   */
  yamlVersion?: '1.1' | '1.2' | undefined;
  /** `'last'` (default) keeps the last value of a repeated key, as kubectl and PyYAML do; `'error'` refuses it. */
  duplicateKeys?: 'last' | 'error' | undefined;
  /** At most this many nodes reached through aliases, over all documents (default 10,000). */
  maxAliasNodes?: number | undefined;
  /** At most this many characters of scalar text reached through aliases (default 8 MiB). */
  maxExpandedBytes?: number | undefined;
}

const DEFAULT_MAX_ALIAS_NODES = 10_000;
const DEFAULT_MAX_EXPANDED_BYTES = 8 * 1024 * 1024;

function parseOptions(
  options: YamlOptions,
  lineCounter: LineCounter,
): ParseOptions & DocumentOptions & SchemaOptions {
  const common = {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: options.duplicateKeys === 'error',
  } as const;
  return options.yamlVersion === '1.1'
    ? { ...common, version: '1.1', schema: 'failsafe', customTags: PYYAML_SCALAR_TAGS, merge: true }
    : { ...common, version: '1.2', schema: 'core', merge: false };
}

/** The reason of a `yaml` error without the part of the text it may quote after a colon. */
function reasonOf(error: YAMLError): string {
  return error.message.split(':')[0]?.trim() || error.code;
}

function invalid(options: YamlOptions, detail: string, cause?: unknown): YamlError {
  return new YamlError(
    YamlErrorCode.invalid,
    options.source,
    `${options.source} is not valid YAML: ${detail}.`,
    {
      cause,
    },
  );
}

function aliasError(options: YamlOptions, excess: AliasExcess, nodes: number, bytes: number): YamlError {
  if (excess === 'unknown-anchor') {
    return invalid(options, 'an alias (*name) refers to no anchor (&name) defined before it');
  }
  const what = {
    nodes: `its aliases expand to more than ${nodes} nodes (maxAliasNodes)`,
    bytes: `its aliases expand to more than ${bytes} characters of text (maxExpandedBytes)`,
    cycle: 'one of its aliases refers to the node that contains it, an endless value',
  }[excess];
  return new YamlError(
    YamlErrorCode.aliasLimit,
    options.source,
    `${options.source} is refused: ${what}. Such aliases are how a small YAML text is made to take ` +
      'gigabytes ("billion laughs"); write the values out in full instead of repeating them with aliases.',
  );
}

// parseAllDocuments, with each document's depth checked between the parser and the composer.
function compose(text: string, options: YamlOptions): { documents: Document[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const composer = new Composer(parseOptions(options, lineCounter));
  function* shallowTokens() {
    for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
      if (nestingDepth(token) > MAX_NESTING_DEPTH) {
        const { line, col } = lineCounter.linePos(token.offset);
        throw invalid(
          options,
          `the document at line ${line}, column ${col} nests collections more than ${MAX_NESTING_DEPTH} levels deep`,
        );
      }
      yield token;
    }
  }
  return { documents: Array.from(composer.compose(shallowTokens())), lineCounter };
}

function readDocuments(text: string, options: YamlOptions): Document[] {
  let parsed = compose(text, options);
  const firstError = () => parsed.documents.flatMap((document) => document.errors)[0];
  let error = firstError();
  if (error && options.yamlVersion === '1.1') {
    const repaired = indentPyyamlQuotedScalars(text);
    if (repaired !== undefined) {
      const original = parsed;
      parsed = compose(repaired, options);
      // Still wrong: report the first error of the text as written, where its lines are.
      if (firstError()) parsed = original;
      error = firstError();
    }
  }
  if (error) {
    const { line, col } = parsed.lineCounter.linePos(error.pos[0]);
    throw invalid(options, `${reasonOf(error)} at line ${line}, column ${col}`, error);
  }
  const maxNodes = options.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES;
  const maxBytes = options.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES;
  const meter = createAliasMeter({ maxAliasNodes: maxNodes, maxExpandedBytes: maxBytes });
  for (const document of parsed.documents) {
    const excess = meter(document);
    if (excess) throw aliasError(options, excess, maxNodes, maxBytes);
  }
  return parsed.documents;
}

function toValues(text: string, options: YamlOptions): unknown[] {
  try {
    // The meter has bounded what aliases reach, so the `yaml` package's own (coarser) alias
    // heuristic is off: it would refuse some texts the meter accepts.
    return readDocuments(text, options).map((document) => document.toJS({ maxAliasCount: -1 }));
  } catch (error) {
    if (error instanceof YamlError) throw error;
    // Nesting deep enough to exhaust the stack (a few kB of `[[[[`), and the like.
    if (error instanceof RangeError) throw invalid(options, 'it is nested too deeply', error);
    if (error instanceof Error) throw invalid(options, reasonOf(error as YAMLError), error);
    throw error;
  }
}

/**
 * Every document of a YAML text (a `---`-separated stream), as plain values. Aliases are bounded
 * (`maxAliasNodes`, `maxExpandedBytes`) before any value is built. Throws a {@link YamlError}:
 * `YAML_INVALID` naming the source, line and column (never quoting the text), or
 * `YAML_ALIAS_LIMIT` naming the source and the limit.
 */
export function parseYamlDocuments(text: string, options: YamlOptions): unknown[] {
  return toValues(text, options);
}

/**
 * The one document of a YAML text, as a plain value (`null` for an empty text). A text of several
 * documents is refused (`YAML_INVALID`); otherwise as {@link parseYamlDocuments}.
 */
export function parseYaml(text: string, options: YamlOptions): unknown {
  const documents = toValues(text, options);
  if (documents.length > 1) {
    throw invalid(
      options,
      `it holds ${documents.length} documents (separated by ---) where one was expected`,
    );
  }
  return documents[0] ?? null;
}
