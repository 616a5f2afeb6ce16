/**
 * Typed client for the Kubeflow Pipelines REST API v2beta1. Usage, options and errors: the package README.
 *
 * @module @ml-platform/kfp-v2
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
export { createKfpV2Client, type KfpV2Client, type KfpV2ClientOptions } from './client.js';
export type { components, operations, paths } from './generated/schema.js';
export * from './helpers/index.js';
export type * from './schemas.js';
