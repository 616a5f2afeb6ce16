import { type LoadKubeconfigOptions, readKubeconfigTexts, resolveKubeconfig } from './load-kubeconfig.js';
import { kubeconfigYamlParser } from './parse-kubeconfig-yaml.js';
import type { KubeconfigParser, KubeconfigText } from './read-kubeconfig-file.js';
import type { ResolvedKubeconfig } from './resolved-kubeconfig.js';

/** The value of a JSON kubeconfig (an empty file is an empty config), or undefined when the text is not JSON. */
function asJson(text: string): { value: unknown } | undefined {
  if (text.trim() === '') return { value: null };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * The parser for `texts`: JSON.parse when every file is JSON (kubectl accepts
 * JSON kubeconfigs, and JSON is YAML, so both read it the same), else the
 * YAML parser, imported now: a program whose kubeconfig is JSON never loads it.
 */
async function parserFor(texts: readonly KubeconfigText[]): Promise<KubeconfigParser> {
  const values = new Map<string, unknown>();
  for (const { path, text } of texts) {
    const json = asJson(text);
    if (json === undefined) return kubeconfigYamlParser((await import('@ml-platform/core/yaml')).parseYaml);
    values.set(path, json.value);
  }
  return (_text, file) => values.get(file);
}

/**
 * `loadKubeconfig` for the asynchronous entry points (`loadKubeconfigAuth`,
 * `loadKubeServiceProxy`): the same files, checks and errors, with the YAML
 * parser loaded only for a kubeconfig that needs it.
 */
export async function loadKubeconfigLazily(options: LoadKubeconfigOptions): Promise<ResolvedKubeconfig> {
  const texts = readKubeconfigTexts(options);
  return resolveKubeconfig(texts, await parserFor(texts), options);
}
