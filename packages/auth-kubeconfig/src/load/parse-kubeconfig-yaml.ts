import { parseYaml } from '@ml-platform/core/yaml';
import { KubeconfigError, KubeconfigErrorCode } from '../errors.js';

/**
 * Parses a kubeconfig as kubectl does. Kubeconfigs are YAML 1.1 in practice
 * (client-go reads them with sigs.k8s.io/yaml), and a key repeated in one
 * mapping keeps its last value there, as kubectl shows. Core's parser bounds
 * aliases (a "billion laughs" file) and never quotes the text, which may hold
 * a token or a key. JSON is YAML, so a JSON kubeconfig parses here too.
 */
export function parseKubeconfigYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text, { source: `kubeconfig ${file}`, yamlVersion: '1.1', duplicateKeys: 'last' });
  } catch (error) {
    throw new KubeconfigError(
      KubeconfigErrorCode.invalid,
      `The file cannot be read as a kubeconfig: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
}
