import { invalidOption, optionalText, requireText } from '@ml-platform/core';

/**
 * Seldon Deploy records every change in the namespace's GitOps repository
 * when one is configured; `action` and `message` become that commit's
 * description. Ignored otherwise.
 */
export interface ChangeOptions {
  action?: string | undefined;
  message?: string | undefined;
  signal?: AbortSignal | undefined;
}

export function changeQuery(
  options: ChangeOptions,
): { action?: string | undefined; message?: string | undefined } | undefined {
  if (options.action === undefined && options.message === undefined) return undefined;
  return {
    action: optionalText('action', options.action, "'create'"),
    message: optionalText('message', options.message, "'roll out iris v2'"),
  };
}

/** The `{ namespace, name }` path parameters, checked. */
export function namedPath(namespace: string, name: string): { namespace: string; name: string } {
  return {
    namespace: requireText('namespace', namespace, "'seldon'"),
    name: requireText('name', name, "'iris-model'"),
  };
}

interface Addressable {
  metadata?: { name?: string; namespace?: string };
}

/**
 * The namespace and name a Kubernetes-style resource is written to, and the
 * body with `metadata.namespace` filled in. `what` names the argument in errors.
 */
export function addressed<T extends Addressable>(
  what: string,
  resource: T,
  namespaceOption: string | undefined,
): { namespace: string; name: string; body: T } {
  if (!resource || typeof resource !== 'object') {
    throw invalidOption(`${what} must be an object with metadata.name and a spec.`);
  }
  const name = requireText(`${what}.metadata.name`, resource.metadata?.name, "'iris-model'");
  const fromBody = resource.metadata?.namespace;
  const namespace = requireText(
    `namespace (option or ${what}.metadata.namespace)`,
    namespaceOption ?? fromBody,
    "'seldon'",
  );
  if (fromBody !== undefined && fromBody !== namespace) {
    throw invalidOption(
      `namespace '${namespace}' differs from ${what}.metadata.namespace '${fromBody}'; give one, or make them agree.`,
    );
  }
  return { namespace, name, body: { ...resource, metadata: { ...resource.metadata, namespace } } };
}
