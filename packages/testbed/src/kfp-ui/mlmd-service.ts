/**
 * The ML Metadata store's gRPC service as the KFP UI reaches it: gRPC-Web
 * through the UI server's `/ml_metadata.*` route to the metadata Envoy
 * (frontend/server/app.ts), served here by `@connectrpc/connect-node` over
 * the generated `MetadataStoreService` of `@ml-platform/kfp-metadata`. It
 * answers the read RPCs a run's page uses, from the records the emulated
 * runs hold (mlmd-records.ts); the rest answer `unimplemented`, as connect
 * does for any method without a handler. Like the real store, it checks no
 * namespace: the UI server and Envoy put none in front of it.
 */
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ConnectRouter } from '@connectrpc/connect';
import {
  type Artifact,
  ArtifactTypeSchema,
  type Execution,
  MetadataStoreService,
} from '@ml-platform/kfp-metadata';
import type { KfpEmulator } from '../kfp-state/kfp-emulator.js';
import { mlmdIdsOf } from '../kfp-state/run-tasks.js';
import { ARTIFACT_TYPE_IDS, type RunRecords, runRecords } from './mlmd-records.js';

/** ListOperationOptions: MLMD's default and largest page (metadata_store.proto `max_result_size`). */
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

export interface MlmdCallLog {
  /** How many times each RPC was called, by method name (`GetArtifactsByID`). */
  readonly calls: Map<string, number>;
}

/** The connect routes of the stand-in, and a count of the calls it answered. */
export function mlmdRoutes(emulator: KfpEmulator): {
  routes: (router: ConnectRouter) => void;
  log: MlmdCallLog;
} {
  const calls = new Map<string, number>();
  const count = (method: string) => calls.set(method, (calls.get(method) ?? 0) + 1);
  const runOfId = (id: bigint): RunRecords | undefined => {
    const base = Number(id) - (Number(id) % 65_536);
    const runId = emulator.runIds().find((candidate) => mlmdIdsOf(candidate).context === base);
    const workflow = runId === undefined ? undefined : emulator.workflowOf(runId);
    return workflow && runRecords(workflow);
  };
  const page = <T>(items: T[], options: { maxResultSize?: number; nextPageToken?: string } | undefined) => {
    if (!options) return { items, nextPageToken: '' };
    const size = Math.min(options.maxResultSize || DEFAULT_PAGE, MAX_PAGE);
    const offset = options.nextPageToken ? Number(options.nextPageToken) : 0;
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new ConnectError('Invalid next page token', Code.InvalidArgument);
    }
    const slice = items.slice(offset, offset + size);
    return { items: slice, nextPageToken: offset + size < items.length ? String(offset + size) : '' };
  };
  const typeNameOf = (typeId: bigint | undefined) =>
    Object.entries(ARTIFACT_TYPE_IDS).find(([, id]) => id === typeId)?.[0];

  const routes = (router: ConnectRouter) =>
    router.service(MetadataStoreService, {
      getContextByTypeAndName(request) {
        count('GetContextByTypeAndName');
        if (request.typeName !== 'system.PipelineRun') return {};
        const workflow = emulator.workflowOf(request.contextName ?? '');
        return workflow ? { context: runRecords(workflow).context } : {};
      },
      getExecutionsByContext(request) {
        count('GetExecutionsByContext');
        const records = request.contextId === undefined ? undefined : runOfId(request.contextId);
        const { items, nextPageToken } = page(records?.executions ?? [], request.options);
        return { executions: items, nextPageToken };
      },
      getArtifactsByContext(request) {
        count('GetArtifactsByContext');
        const records = request.contextId === undefined ? undefined : runOfId(request.contextId);
        const { items, nextPageToken } = page(records?.artifacts ?? [], request.options);
        return { artifacts: items, nextPageToken };
      },
      getExecutionsByID(request) {
        count('GetExecutionsByID');
        const executions: Execution[] = [];
        for (const id of request.executionIds) {
          const found = runOfId(id)?.executions.find((execution) => execution.id === id);
          if (found) executions.push(found);
        }
        return { executions };
      },
      getEventsByExecutionIDs(request) {
        count('GetEventsByExecutionIDs');
        const wanted = new Set(request.executionIds);
        const runs = new Map<number, RunRecords | undefined>();
        for (const id of wanted) {
          const base = Number(id) - (Number(id) % 65_536);
          if (!runs.has(base)) runs.set(base, runOfId(id));
        }
        const events = [...runs.values()].flatMap((records) =>
          (records?.events ?? []).filter(
            (event) => event.executionId !== undefined && wanted.has(event.executionId),
          ),
        );
        return { events };
      },
      getArtifactsByID(request) {
        count('GetArtifactsByID');
        const artifacts: Artifact[] = [];
        const runs = new Map<number, RunRecords | undefined>();
        for (const id of request.artifactIds) {
          const base = Number(id) - (Number(id) % 65_536);
          if (!runs.has(base)) runs.set(base, runOfId(id));
          const found = runs.get(base)?.artifacts.find((artifact) => artifact.id === id);
          if (found) artifacts.push(found);
        }
        // populate_artifact_types (metadata_store_service.proto): the types of the artifacts, once each.
        const typeIds = request.populateArtifactTypes ? [...new Set(artifacts.map((a) => a.typeId))] : [];
        const artifactTypes = typeIds.flatMap((typeId) => {
          const name = typeNameOf(typeId);
          return name ? [create(ArtifactTypeSchema, { id: typeId, name })] : [];
        });
        return { artifacts, artifactTypes };
      },
      getArtifactTypes() {
        count('GetArtifactTypes');
        return {
          artifactTypes: Object.entries(ARTIFACT_TYPE_IDS).map(([name, id]) =>
            create(ArtifactTypeSchema, { id, name }),
          ),
        };
      },
      getArtifactTypesByID(request) {
        count('GetArtifactTypesByID');
        const artifactTypes = request.typeIds.flatMap((typeId) => {
          const name = typeNameOf(typeId);
          return name ? [create(ArtifactTypeSchema, { id: typeId, name })] : [];
        });
        return { artifactTypes };
      },
    });
  return { routes, log: { calls } };
}
