import { MlPlatformError } from '../errors.js';

/** Stable codes of the errors `parseYaml` and `parseYamlDocuments` throw. */
export const YamlErrorCode = {
  /** Aliases expand past `maxAliasNodes` or `maxExpandedBytes`, or refer to themselves. */
  aliasLimit: 'YAML_ALIAS_LIMIT',
  /** The text is not YAML, or not the number of documents the caller asked for. */
  invalid: 'YAML_INVALID',
} as const;

/** One of {@link YamlErrorCode}'s values. */
export type YamlErrorCodeValue = (typeof YamlErrorCode)[keyof typeof YamlErrorCode];

/**
 * Thrown by `parseYaml` and `parseYamlDocuments`. The message names the source and, for invalid
 * YAML, the line and column, but never quotes the text: a manifest may hold a secret.
 */
export class YamlError extends MlPlatformError {
  /** The file or input that was being read, as the caller named it. */
  readonly source: string;

  constructor(code: YamlErrorCodeValue, source: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.source = source;
  }
}
