/**
 * `@ml-platform/core/yaml`: the one YAML reader of this project (pipeline packages, kubeconfigs,
 * Seldon manifests, CLI files), on the `yaml` package. What it adds: aliases are bounded before
 * any value is built (a "billion laughs" text is refused in milliseconds with
 * `YAML_ALIAS_LIMIT`), PyYAML's reading as `yamlVersion: '1.1'`, and errors that name the source,
 * line and column without quoting the text. Callers wrap its errors in their own code, with the
 * `YamlError` as `cause`.
 *
 * @module @ml-platform/core/yaml
 */
export { YamlError, YamlErrorCode, type YamlErrorCodeValue } from './errors.js';
export { parseYaml, parseYamlDocuments, type YamlOptions } from './parse-yaml.js';
