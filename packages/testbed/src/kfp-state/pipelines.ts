/**
 * PipelineService and the upload endpoints
 * (backend/src/apiserver/server/pipeline_server.go, pipeline_upload_server.go):
 * an upload creates a pipeline with its first version, named by `name`, else
 * `display_name`, else the file name (`buildPipelineName`); names are unique
 * per namespace (409 otherwise); an upload without a namespace makes a shared
 * pipeline, which needs rights in the KFP system namespace.
 */
import { randomUUID } from 'node:crypto';
import { Answer, jsonBody, type KfpContext, type KfpRequest, type Route } from './context.js';
import { listPage } from './list-request.js';
import type { Pipeline, PipelineVersion } from './model.js';
import { readUploadedPackage, UploadError } from './pipeline-package.js';
import { timestamp, toProtoJson } from './proto-json.js';
import { invalidInput, notFound, RpcError } from './rpc-status.js';

/** Where KFP itself runs; shared pipelines are authorized there (`common.GetPodNamespace()`). */
export const KFP_SYSTEM_NAMESPACE = 'kubeflow';

const PIPELINE_FIELDS = {
  keys: ['pipeline_id', 'name', 'display_name', 'description', 'namespace', 'created_at'],
  of: (pipeline: Pipeline) => ({ ...pipeline }),
};
const VERSION_FIELDS = {
  keys: ['pipeline_version_id', 'name', 'display_name', 'description', 'created_at'],
  of: (version: PipelineVersion) => ({ ...version }),
};

export function pipelineRoutes(context: KfpContext): Route[] {
  const { store, auth } = context;

  const findPipeline = (id: string) => {
    const pipeline = store.pipelines.get(id);
    if (!pipeline) throw notFound('Pipeline', id);
    return pipeline;
  };
  // Shared pipelines (no namespace) are readable by everyone; writing them needs the system namespace.
  const authorize = (request: KfpRequest, verb: string, namespace: string) => {
    if (!namespace && (verb === 'get' || verb === 'list')) return;
    auth.check(request.user, verb, 'pipelines', namespace || KFP_SYSTEM_NAMESPACE);
  };
  const versionsOf = (pipelineId: string) =>
    [...store.versions.values()].filter((version) => version.pipeline_id === pipelineId);
  const addVersion = (fields: Omit<PipelineVersion, 'pipeline_version_id' | 'created_at'>) => {
    const taken = versionsOf(fields.pipeline_id!).some((version) => version.name === fields.name);
    if (taken) throw new UploadError(409, 'Failed to create a pipeline version');
    const version: PipelineVersion = {
      ...fields,
      pipeline_version_id: randomUUID(),
      created_at: timestamp(context.now()),
    };
    store.versions.set(version.pipeline_version_id!, version);
    return version;
  };
  const uploaded = async (
    request: KfpRequest,
    failure: string,
    create: (fileName: string, spec: Record<string, unknown>) => unknown,
  ) => {
    try {
      const { fileName, spec } = await readUploadedPackage(request, failure);
      return toProtoJson(create(fileName, spec));
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      return new Answer(error.status, { error_message: error.message, error_details: error.message });
    }
  };
  const tagsOf = (request: KfpRequest): Record<string, string> | undefined => {
    const raw = request.query.get('tags');
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as Record<string, string>;
    } catch {
      throw new UploadError(
        400,
        'Failed to parse tags query parameter. Expected JSON object with string keys and values',
      );
    }
  };

  return [
    {
      method: 'POST',
      pattern: /^\/pipelines\/upload$/,
      handle: (request) =>
        uploaded(request, 'Failed to read pipeline from file', (fileName, spec) => {
          const namespace = request.query.get('namespace') ?? '';
          try {
            authorize(request, 'create', namespace);
          } catch (error) {
            if (!(error instanceof RpcError)) throw error;
            throw new UploadError(400, `pipeline upload denied: ${error.message}`);
          }
          const query = request.query;
          const name = query.get('name') || query.get('display_name') || fileName;
          const taken = [...store.pipelines.values()].some(
            (p) => p.name === name && (p.namespace ?? '') === namespace,
          );
          if (taken) throw new UploadError(409, 'Failed to create a pipeline and a pipeline version');
          const pipeline: Pipeline = {
            pipeline_id: randomUUID(),
            name,
            display_name: query.get('display_name') || name,
            description: query.get('description') ?? '',
            namespace,
            created_at: timestamp(context.now()),
            tags: tagsOf(request),
          };
          store.pipelines.set(pipeline.pipeline_id!, pipeline);
          addVersion({
            pipeline_id: pipeline.pipeline_id,
            name: pipeline.name,
            display_name: pipeline.display_name,
            description: pipeline.description,
            pipeline_spec: spec,
            code_source_url: query.get('code_source_url') ?? '',
          });
          return pipeline;
        }),
    },
    {
      method: 'POST',
      pattern: /^\/pipelines\/upload_version$/,
      handle: (request) =>
        uploaded(request, 'Failed to create a pipeline version', (fileName, spec) => {
          const pipelineId = request.query.get('pipelineid') ?? '';
          const pipeline = store.pipelines.get(pipelineId);
          if (!pipeline) throw new UploadError(400, 'Failed to create a pipeline version');
          try {
            auth.check(request.user, 'create', 'pipelines', pipeline.namespace || KFP_SYSTEM_NAMESPACE);
          } catch (error) {
            if (!(error instanceof RpcError)) throw error;
            throw new UploadError(400, `pipeline upload denied: ${error.message}`);
          }
          const query = request.query;
          const name = query.get('name') || query.get('display_name') || fileName;
          return addVersion({
            pipeline_id: pipelineId,
            name,
            display_name: query.get('display_name') || name,
            description: query.get('description') ?? '',
            pipeline_spec: spec,
            code_source_url: query.get('code_source_url') ?? '',
            tags: tagsOf(request),
          });
        }),
    },
    {
      method: 'POST',
      pattern: /^\/pipelines$/,
      handle(request) {
        const body = jsonBody<Pipeline>(request);
        const name = body.name?.trim() || body.display_name?.trim();
        if (!name) throw invalidInput('Pipeline name is empty. Please specify a valid pipeline name.');
        const namespace = body.namespace ?? '';
        authorize(request, 'create', namespace);
        const taken = [...store.pipelines.values()].some(
          (p) => p.name === name && (p.namespace ?? '') === namespace,
        );
        if (taken)
          throw new RpcError(
            'AlreadyExists',
            `Already exist error: Pipeline with name ${name} already exists.`,
          );
        const pipeline: Pipeline = {
          pipeline_id: randomUUID(),
          name,
          display_name: body.display_name || name,
          description: body.description ?? '',
          namespace,
          created_at: timestamp(context.now()),
          tags: body.tags,
        };
        store.pipelines.set(pipeline.pipeline_id!, pipeline);
        return toProtoJson(pipeline);
      },
    },
    {
      method: 'GET',
      pattern: /^\/pipelines$/,
      handle(request) {
        const namespace = request.query.get('namespace') ?? '';
        authorize(request, 'list', namespace);
        const inNamespace = [...store.pipelines.values()].filter((p) => (p.namespace ?? '') === namespace);
        const page = listPage(inNamespace, request.query, PIPELINE_FIELDS);
        return toProtoJson({
          pipelines: page.items,
          total_size: page.totalSize,
          next_page_token: page.nextPageToken,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/pipelines\/names\/([^/]+)$/,
      handle(request, [encodedName = '']) {
        const name = decodeURIComponent(encodedName);
        const namespace = request.query.get('namespace') ?? '';
        authorize(request, 'get', namespace);
        const pipeline = [...store.pipelines.values()].find(
          (p) => p.name === name && (p.namespace ?? '') === namespace,
        );
        if (!pipeline) throw notFound('Pipeline', name);
        return toProtoJson(pipeline);
      },
    },
    {
      method: 'GET',
      pattern: /^\/pipelines\/([^/:.]+)$/,
      handle(request, [id = '']) {
        const pipeline = findPipeline(id);
        authorize(request, 'get', pipeline.namespace ?? '');
        return toProtoJson(pipeline);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/pipelines\/([^/:.]+)$/,
      handle(request, [id = '']) {
        const pipeline = findPipeline(id);
        authorize(request, 'delete', pipeline.namespace ?? '');
        const versions = versionsOf(id);
        if (versions.length > 0 && request.query.get('cascade') !== 'true') {
          throw new RpcError(
            'FailedPrecondition',
            `Failed to delete pipeline ${id}: it has ${versions.length} pipeline version(s); delete them first or pass cascade=true.`,
          );
        }
        for (const version of versions) store.versions.delete(version.pipeline_version_id!);
        store.pipelines.delete(id);
        return {};
      },
    },
    {
      method: 'GET',
      pattern: /^\/pipelines\/([^/:.]+)\/versions$/,
      handle(request, [id = '']) {
        const pipeline = findPipeline(id);
        authorize(request, 'list', pipeline.namespace ?? '');
        const page = listPage(versionsOf(id), request.query, VERSION_FIELDS);
        return toProtoJson({
          pipeline_versions: page.items,
          total_size: page.totalSize,
          next_page_token: page.nextPageToken,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/pipelines\/([^/:.]+)\/versions\/([^/:.]+)$/,
      handle(request, [id = '', versionId = '']) {
        const pipeline = findPipeline(id);
        authorize(request, 'get', pipeline.namespace ?? '');
        const version = store.versions.get(versionId);
        if (!version || version.pipeline_id !== id) throw notFound('PipelineVersion', versionId);
        return toProtoJson(version);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/pipelines\/([^/:.]+)\/versions\/([^/:.]+)$/,
      handle(request, [id = '', versionId = '']) {
        const pipeline = findPipeline(id);
        authorize(request, 'delete', pipeline.namespace ?? '');
        const version = store.versions.get(versionId);
        if (!version || version.pipeline_id !== id) throw notFound('PipelineVersion', versionId);
        store.versions.delete(versionId);
        return {};
      },
    },
  ];
}

/** The newest version of a pipeline, which a run without a version id uses. */
export function latestVersion(context: KfpContext, pipelineId: string): PipelineVersion | undefined {
  return [...context.store.versions.values()].filter((version) => version.pipeline_id === pipelineId).at(-1);
}
