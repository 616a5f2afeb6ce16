// The generated service and messages users of this package see; everything else stays internal.
export type {
  Artifact,
  ArtifactType,
  Context,
  Event,
  Event_Path,
  Event_Path_Step,
  Execution,
  Value,
} from './generated/ml_metadata/proto/metadata_store_pb.js';
export {
  Artifact_State,
  ArtifactSchema,
  ArtifactTypeSchema,
  ContextSchema,
  Event_Type,
  EventSchema,
  Execution_State,
  ExecutionSchema,
  ValueSchema,
} from './generated/ml_metadata/proto/metadata_store_pb.js';
export { MetadataStoreService } from './generated/ml_metadata/proto/metadata_store_service_pb.js';
