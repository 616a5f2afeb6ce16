/**
 * `@ml-platform/kfp-metadata`: the ML Metadata store that KFP v2 records every
 * run's executions, artifacts and events in, typed from the protos KFP vendors
 * and called with gRPC-Web through the KFP UI server's `/ml_metadata` route,
 * signed by the same auth plugins and transport as the REST clients.
 *
 * @module @ml-platform/kfp-metadata
 */
export {
  createMetadataClient,
  type MetadataClient,
  type MetadataClientOptions,
  metadataClientThrough,
} from './create-metadata-client.js';
export { MetadataError, MetadataErrorCode } from './errors.js';
export * from './metadata-store.js';
export {
  getRunLineage,
  PIPELINE_RUN_CONTEXT_TYPE,
  type RunLineage,
  type RunLineageOptions,
} from './run-lineage.js';
export { type PlainValue, plainProperties, plainValue } from './values.js';
