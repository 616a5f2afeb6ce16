import type { parseYaml } from '@ml-platform/core/yaml';
import { KubeconfigError, KubeconfigErrorCode } from '../errors.js';
import type { KubeconfigParser } from './read-kubeconfig-file.js';

/**
 * Parses a kubeconfig as kubectl does, with core's YAML parser (`parse`): the
 * synchronous entry points import it statically, the asynchronous ones only
 * for a file that is not JSON, so this file itself holds no parser. Kubeconfigs
 * are YAML 1.1 in practice (client-go reads them with sigs.k8s.io/yaml), and a
 * key repeated in one mapping keeps its last value there, as kubectl shows.
 * Core's parser bounds aliases (a "billion laughs" file) and never quotes the
 * text, which may hold a token or a key. JSON is YAML, so a JSON kubeconfig
 * parses here too.
 */
export function kubeconfigYamlParser(parse: typeof parseYaml): KubeconfigParser {
  return (text, file) => {
    try {
      return parse(text, { source: `kubeconfig ${file}`, yamlVersion: '1.1', duplicateKeys: 'last' });
    } catch (error) {
      throw new KubeconfigError(
        KubeconfigErrorCode.invalid,
        `The file cannot be read as a kubeconfig: ${(error as Error).message}`,
        { file },
        { cause: error },
      );
    }
  };
}
