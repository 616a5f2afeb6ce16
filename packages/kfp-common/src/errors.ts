import { MlPlatformError } from '@ml-platform/core';

/** Stable codes of the errors the KFP helpers throw (match on these, never on messages). */
export const KfpErrorCode = {
  /** `waitForRunCompletion` reached `timeoutMs` before the run finished. */
  runWaitTimeout: 'KFP_RUN_WAIT_TIMEOUT',
  /** `waitForRunCompletion` was cancelled through its `signal`. */
  runWaitAborted: 'KFP_RUN_WAIT_ABORTED',
  /** More than one resource has the name a helper looked up. */
  ambiguousName: 'KFP_AMBIGUOUS_NAME',
  /** A resource a helper needs (a pipeline named in `pipelineName`) does not exist. */
  notFound: 'KFP_NOT_FOUND',
  /** The server handed back the page token it was just given; following it would loop forever. */
  pageTokenRepeated: 'KFP_PAGE_TOKEN_REPEATED',
  /** A pipeline package could not be read (missing file, empty content, unknown format). */
  packageUnreadable: 'KFP_PACKAGE_UNREADABLE',
  /** `~/.config/kfp/context.json` (or the file given) is not a JSON object. */
  contextFileInvalid: 'KFP_CONTEXT_INVALID',
  /** A run artifact's response is not the `{"data":"<base64>"}` body KFP writes. */
  artifactMalformed: 'KFP_ARTIFACT_MALFORMED',
  /** Both `experimentId` and `experimentName` were given to a package run. */
  experimentChoiceConflict: 'KFP_EXPERIMENT_CHOICE_CONFLICT',
} as const;

/** One of the `KfpErrorCode` strings a `KfpError` carries as `code`. */
export type KfpErrorCodeValue = (typeof KfpErrorCode)[keyof typeof KfpErrorCode];

/**
 * An error raised by a KFP helper itself (API failures stay `ApiError`). One
 * class for both API versions: `@ml-platform/kfp-v1` and `@ml-platform/kfp-v2`
 * export this same class.
 */
export class KfpError extends MlPlatformError {}
