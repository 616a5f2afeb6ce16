import type { ModelMetadata, SeldonDeployment } from '@ml-platform/seldon-deploy-v1alpha1';
import type { StoredBatchJob } from './batch-jobs.js';
import type { CoreV2Outcome, StoredCoreV2 } from './core-v2.js';
import type { SeldonTiming } from './lifecycle.js';
import type { ApplicationLogSeed, InferenceLogSeed } from './logs.js';
import type { DeploymentOutcome, StoredDeployment } from './seldon-deployments.js';

/** Everything the emulator holds, keyed `namespace/name` (batch jobs by workflow name). */
export interface SeldonStore {
  deployments: Map<string, StoredDeployment>;
  models: Map<string, StoredCoreV2>;
  pipelines: Map<string, StoredCoreV2>;
  experiments: Map<string, Record<string, unknown>>;
  batchJobs: Map<string, StoredBatchJob>;
  /** The model catalog, by URI, in registration order. */
  catalog: Map<string, ModelMetadata>;
  inferenceLogs: InferenceLogSeed[];
  applicationLogs: ApplicationLogSeed[];
}

/** What every route of the emulator works with. */
export interface SeldonContext {
  store: SeldonStore;
  timing: Required<SeldonTiming>;
  deploymentOutcome: (deployment: SeldonDeployment) => DeploymentOutcome;
  coreV2Outcome: (kind: 'Model' | 'Pipeline', resource: { metadata?: { name?: string } }) => CoreV2Outcome;
  batchJobOutcome: (definition: Record<string, unknown>) => 'Succeeded' | 'Failed' | 'Error';
  now: () => string;
  newUid: () => string;
  nextResourceVersion: () => number;
}

export function createSeldonStore(): SeldonStore {
  return {
    deployments: new Map(),
    models: new Map(),
    pipelines: new Map(),
    experiments: new Map(),
    batchJobs: new Map(),
    catalog: new Map(),
    inferenceLogs: [],
    applicationLogs: [],
  };
}
