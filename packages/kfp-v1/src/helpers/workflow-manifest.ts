// KFP v1's API server decodes `pipeline_spec.workflow_manifest` with json.Unmarshal into an Argo
// Workflow (backend/src/apiserver/template/v1_template.go, NewArgoTemplate -> ValidateWorkflow), so
// a manifest given as YAML text (what the v1 compiler writes) is refused with HTTP 400. kfp 1.8.22's
// client reads the file with yaml.safe_load and sends json.dumps of it (_client.py,
// _create_job_config); this does the same for whatever form the caller gives.
import { ConfigError, ConfigErrorCode, invalidOption } from '@ml-platform/core';

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The workflow as an object: JSON text, YAML text (read as PyYAML reads it) or an object as given. */
async function workflowObject(manifest: string | Record<string, unknown>): Promise<unknown> {
  if (typeof manifest !== 'string') return manifest;
  if (manifest.trim() === '')
    throw invalidOption('workflowManifest must be the compiled workflow, not empty.');
  try {
    // JSON first: YAML 1.1 would read a JSON number such as 1e3 as a string.
    return JSON.parse(manifest);
  } catch {
    // Loaded on use: a client that never sends a manifest as YAML does not carry the YAML reader.
    const { parseYaml } = await import('@ml-platform/core/yaml');
    try {
      return parseYaml(manifest, { source: 'workflowManifest', yamlVersion: '1.1' });
    } catch (error) {
      throw new ConfigError(
        ConfigErrorCode.invalidOption,
        `${(error as Error).message} Pass the compiled Argo Workflow (YAML or JSON).`,
        { cause: error },
      );
    }
  }
}

/**
 * The `workflow_manifest` to send: always JSON text of an Argo Workflow object, whatever the form
 * given (object, JSON text, YAML text).
 */
export async function workflowManifestJson(manifest: string | Record<string, unknown>): Promise<string> {
  const workflow = await workflowObject(manifest);
  if (!isMapping(workflow)) {
    throw invalidOption(
      'workflowManifest must be an Argo Workflow (a mapping with kind: Workflow), as YAML, JSON or an object.',
    );
  }
  return JSON.stringify(workflow);
}
