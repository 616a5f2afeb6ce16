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
