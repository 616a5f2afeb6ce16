import type { BatchJobDefinition } from '@ml-platform/seldon-deploy-v1alpha1';
import { badRequest, notFound, objectBody, type SeldonRoute } from './http.js';
import type { SeldonContext } from './store.js';

export interface StoredBatchJob {
  namespace: string;
  /** `seldondeployments/<name>` or `pipelines/<name>`. */
  target: string;
  workflowName: string;
  workflowUID: string;
  definition: BatchJobDefinition;
  reads: number;
  outcome: 'Succeeded' | 'Failed' | 'Error';
  startedAt: string;
  finishedAt?: string;
}

/**
 * Batch jobs, as Seldon Deploy runs them (docs.seldon.io, Seldon Deploy
 * "Batch Requests": an Argo Workflow per job): a POST starts a workflow and
 * answers its name and UID (`BatchJobPostResponse`); reads report its phase
 * in `Description.workflowStatus`, `Pending`, `Running`, then `Succeeded`,
 * `Failed` or `Error` (argoproj.io/v1alpha1 `WorkflowPhase`), with
 * `StartedAt` / `FinishedAt`, beside the `Definition` sent. Lists are newest
 * first, paged by `limit` and `Page` "counting from 0", answering
 * `pagesCount` "(Page = 0, ..., PagesCount - 1)" (the spec's
 * `BatchJobsListResponse` descriptions); the default limit of 10 is the
 * emulator's choice.
 */
export function batchJobRoutes(context: SeldonContext): SeldonRoute[] {
  const { store, timing } = context;
  const base = '^/namespaces/([^/]+)/(seldondeployments|pipelines)/([^/]+)/batchjobs';
  const targetExists = (namespace: string, collection: string, name: string) => {
    const map = collection === 'pipelines' ? store.pipelines : store.deployments;
    if (!map.has(`${namespace}/${name}`))
      throw notFound(`${collection.slice(0, -1)} ${name} in namespace ${namespace}`);
  };
  const describe = (job: StoredBatchJob) => {
    const phase =
      job.reads <= timing.batchJobReads
        ? 'Pending'
        : job.reads <= 2 * timing.batchJobReads
          ? 'Running'
          : job.outcome;
    if (phase === job.outcome) job.finishedAt ??= context.now();
    return {
      workflowName: job.workflowName,
      workflowUID: job.workflowUID,
      workflowStatus: phase,
      StartedAt: job.startedAt,
      ...(phase === job.outcome ? { FinishedAt: job.finishedAt } : {}),
    };
  };
  return [
    {
      method: 'POST',
      pattern: new RegExp(`${base}$`),
      handle: (request, [namespace = '', collection = '', name = '']) => {
        targetExists(namespace, collection, name);
        const definition = objectBody<BatchJobDefinition>(request);
        if (!definition.inputData || !definition.outputData) {
          throw badRequest('inputData and outputData are required');
        }
        const workflowUID = context.newUid();
        const job: StoredBatchJob = {
          namespace,
          target: `${collection}/${name}`,
          workflowName: `${name}-batch-${workflowUID.slice(-5)}`,
          workflowUID,
          definition,
          reads: 0,
          outcome: context.batchJobOutcome(definition as Record<string, unknown>),
          startedAt: context.now(),
        };
        store.batchJobs.set(job.workflowName, job);
        return { workflowName: job.workflowName, workflowUID };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}$`),
      handle: (request, [namespace = '', collection = '', name = '']) => {
        targetExists(namespace, collection, name);
        const limit = Number(request.query.get('limit') ?? 10);
        const page = Number(request.query.get('Page') ?? 0);
        if (!(Number.isInteger(limit) && limit > 0 && Number.isInteger(page) && page >= 0)) {
          throw badRequest('limit and Page must be integers');
        }
        const jobs = [...store.batchJobs.values()]
          .filter((job) => job.namespace === namespace && job.target === `${collection}/${name}`)
          .reverse();
        return {
          batchJobs: jobs.slice(page * limit, (page + 1) * limit).map(describe),
          limit,
          page,
          pagesCount: Math.ceil(jobs.length / limit),
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/([^/]+)$`),
      handle: (_request, [namespace = '', collection = '', name = '', jobName = '']) => {
        const job = store.batchJobs.get(jobName);
        if (!job || job.namespace !== namespace || job.target !== `${collection}/${name}`) {
          throw notFound(`batch job ${jobName}`);
        }
        job.reads += 1;
        return { Definition: job.definition, Description: describe(job) };
      },
    },
  ];
}
