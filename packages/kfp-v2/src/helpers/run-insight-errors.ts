/** Stable codes of the errors the run-insight helpers (tasks, logs, artifacts, metrics) throw, as `KfpError`s. */
export const RunInsightErrorCode = {
  /** No task of the run has the id or name asked for. */
  taskNotFound: 'KFP_TASK_NOT_FOUND',
  /** Several tasks have the name asked for (loop iterations): ask by task id. */
  taskAmbiguous: 'KFP_TASK_AMBIGUOUS',
  /** The task ran in no pod (a DAG, a loop), or has not started one yet: it has no log. */
  taskHasNoPod: 'KFP_TASK_HAS_NO_POD',
  /** The UI server found no log for the pod, neither in Kubernetes nor in the archive. */
  taskLogNotFound: 'KFP_TASK_LOG_NOT_FOUND',
  /** Nothing at the client's UI base URL serves the KFP UI's routes (a client pointed at the API server itself). */
  uiServerNotFound: 'KFP_UI_SERVER_NOT_FOUND',
  /** The object store holds nothing at the artifact's URI. */
  artifactNotFound: 'KFP_ARTIFACT_NOT_FOUND',
  /** The artifact's URI is not one the UI server can read (`minio://`, `s3://`, `gs://`). */
  artifactUriUnsupported: 'KFP_ARTIFACT_URI_UNSUPPORTED',
} as const;
