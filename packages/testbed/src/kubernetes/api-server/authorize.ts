import type { KubeUser } from './authenticate.js';

/** A request as RBAC sees it (k8s.io/apiserver pkg/authorization/authorizer.Attributes), for `services/proxy`. */
export interface ProxyAttributes {
  readonly verb: string;
  readonly namespace: string;
  /** The Service id as given, `ml-pipeline:http`. */
  readonly name: string;
}

/** Decides whether `user` may do `attributes`; the test bed's stand-in for RBAC. */
export type ProxyAuthorizer = (user: KubeUser, attributes: ProxyAttributes) => boolean;

/** Authenticated users may proxy; anonymous ones may not (no default ClusterRole grants `services/proxy` to them). */
export const AUTHENTICATED_USERS: ProxyAuthorizer = (user) => user.via !== 'anonymous';

/** The verb of a request (k8s.io/apiserver pkg/endpoints/request `RequestInfoFactory`: the HTTP method, lower-cased and mapped). */
export function verbOf(method: string): string {
  switch (method) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return 'get';
  }
}

/** kube-apiserver's Forbidden message (RBAC authorizer `reason`, errors.NewForbidden). */
export function forbiddenMessage(user: KubeUser, attributes: ProxyAttributes): string {
  return (
    `services "${attributes.name}" is forbidden: User "${user.name}" cannot ${attributes.verb} resource ` +
    `"services/proxy" in API group "" in the namespace "${attributes.namespace}"`
  );
}
