/**
 * Typed client for the Seldon Deploy REST API v1alpha1. Usage, options and errors: the package README.
 *
 * @module @ml-platform/seldon-deploy-v1alpha1
 */
export {
  ApiError,
  AuthError,
  ConfigError,
  MlPlatformError,
  staticCookieAuth,
  staticTokenAuth,
  unwrap,
} from '@ml-platform/core';
export {
  createSeldonDeployClient,
  type SeldonDeployClient,
  type SeldonDeployClientOptions,
} from './client.js';
export {
  DEFAULT_SELDON_NAMESPACE,
  resolveSeldonDeployEndpoint,
  resolveSeldonNamespace,
} from './environment.js';
export type { components, operations, paths } from './generated/schema.js';
export * from './helpers/index.js';
export type * from './schemas.js';
