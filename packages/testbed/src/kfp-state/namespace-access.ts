import { invalidInput, RpcError } from './rpc-status.js';

/** Which users may work in which profile namespace: what Kubeflow's Profiles and RBAC grant. */
export type NamespaceAccess = Readonly<Record<string, readonly string[]>>;

/** Kubeflow's example profile: its owner and the ServiceAccount its pipeline pods run as. */
export const DEFAULT_NAMESPACE_ACCESS: NamespaceAccess = {
  'kubeflow-user-example-com': [
    'user@example.com',
    'system:serviceaccount:kubeflow-user-example-com:default-editor',
  ],
};

/**
 * The API server's authorization in multi-user mode (resource_manager.go
 * `IsAuthorized`): the user comes from the `kubeflow-userid` header the
 * gateway sets, and a SubjectAccessReview for the verb on
 * `pipelines.kubeflow.org` resources in the namespace must allow it.
 */
export class Authorizer {
  constructor(
    readonly multiUser: boolean,
    private readonly access: NamespaceAccess,
  ) {}

  /** The caller, or Unauthenticated when multi-user mode has no identity to check. */
  user(userId: string | null): string | undefined {
    if (!this.multiUser) return userId ?? undefined;
    if (!userId) {
      throw new RpcError(
        'Unauthenticated',
        'Unauthenticated: Request header error: there is no user identity header.: Failed to authorize with API',
      );
    }
    return userId;
  }

  /** Throws PermissionDenied unless `user` may `verb` `resource` in `namespace`. */
  check(user: string | undefined, verb: string, resource: string, namespace: string): void {
    if (!this.multiUser) return;
    if (user !== undefined && this.access[namespace]?.includes(user)) return;
    throw new RpcError(
      'PermissionDenied',
      `PermissionDenied: User '${user ?? ''}' is not authorized with reason: no RBAC policy matched ` +
        `(request: &ResourceAttributes{Namespace:${namespace},Verb:${verb},Group:pipelines.kubeflow.org,Resource:${resource}})`,
    );
  }

  /** In multi-user mode every list must say which namespace (list_request_util / *_server.go). */
  requireNamespace(namespace: string, operation: string): void {
    if (this.multiUser && !namespace) {
      throw invalidInput(
        `${operation} must filter by namespace in multi-user mode. Pass ?namespace=<profile>.`,
      );
    }
  }
}
