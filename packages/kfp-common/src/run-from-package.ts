import { KfpError, KfpErrorCode } from './errors.js';

/**
 * The steps of `createRunFromPackage` as an API version takes them; the order
 * and the checks between them are the same in both.
 */
export interface PackageRunSteps<Pipeline, Version, Target, Run> {
  /** The validated name of the pipeline the package is filed under. */
  pipelineName: string;
  /** Name of the new version; `<pipelineName>-<ISO time>` when left out. */
  versionName: string | undefined;
  /** The pipeline named `pipelineName`, if there is one. */
  findPipeline(): Promise<Pipeline | undefined>;
  /** The id of a pipeline, as the API version names it. */
  pipelineIdOf(pipeline: Pipeline): string | undefined;
  /** Uploads the package as a new version of the pipeline. */
  uploadVersion(pipelineId: string, versionName: string): Promise<Version>;
  /** Uploads the package as a new pipeline; returns it with the version the upload created. */
  uploadPipeline(): Promise<{ pipeline: Pipeline; version: Version | undefined }>;
  /** What the run executes, or undefined when the upload answered without the ids a run needs. */
  runTarget(version: Version, pipeline: Pipeline | undefined): Target | undefined;
  /** Creates the run of the uploaded version. */
  createRun(target: Target): Promise<Run>;
}

/**
 * Uploads a package (as a new pipeline the first time, as a new version of the
 * pipeline after that) and runs exactly the version just uploaded.
 */
export async function runFromPackage<Pipeline, Version, Target, Run>(
  steps: PackageRunSteps<Pipeline, Version, Target, Run>,
): Promise<{ run: Run; pipeline: Pipeline | undefined; pipelineVersion: Version }> {
  const { pipelineName } = steps;
  const versionName =
    steps.versionName ?? `${pipelineName}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  let pipeline: Pipeline | undefined = await steps.findPipeline();
  let pipelineVersion: Version | undefined;
  const pipelineId = pipeline === undefined ? undefined : steps.pipelineIdOf(pipeline);
  if (pipelineId) {
    pipelineVersion = await steps.uploadVersion(pipelineId, versionName);
  } else {
    ({ pipeline, version: pipelineVersion } = await steps.uploadPipeline());
  }
  const target = pipelineVersion === undefined ? undefined : steps.runTarget(pipelineVersion, pipeline);
  if (pipelineVersion === undefined || target === undefined) {
    throw new KfpError(
      KfpErrorCode.notFound,
      `The upload of pipeline '${pipelineName}' returned no pipeline version id; nothing to run. Check the pipeline in the UI.`,
    );
  }
  const run = await steps.createRun(target);
  return { run, pipeline, pipelineVersion };
}
