import { parseAllDocuments } from 'yaml';
import type { KfpRequest } from './context.js';

/** The upload servers' own error body (pipeline_upload_server.go `writeErrorToResponse`), not a google.rpc.Status. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadedPackage {
  fileName: string;
  /** The pipeline as KFP stores it in `pipeline_spec`: the first YAML document, or the JSON. */
  spec: Record<string, unknown>;
}

/**
 * Reads the multipart `uploadfile` of an upload request and parses it like the
 * API server (`ReadPipelineFile`, template.New): a KFP v2 pipeline spec (has
 * `pipelineInfo` and `root`) or an Argo workflow (`kind: Workflow`), as YAML
 * or JSON. Zip and tar.gz packages are refused: the emulator does not unpack them.
 */
export async function readUploadedPackage(request: KfpRequest, failure: string): Promise<UploadedPackage> {
  const contentType = request.headers.get('content-type') ?? '';
  let file: FormDataEntryValue | null = null;
  if (contentType.startsWith('multipart/form-data')) {
    try {
      const form = await new Request('http://kfp.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(request.body),
      }).formData();
      file = form.get('uploadfile');
    } catch {
      file = null;
    }
  }
  if (!(file instanceof File)) throw new UploadError(400, failure);
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip') || name.endsWith('.tar.gz') || name.endsWith('.tgz')) {
    throw new UploadError(400, `${failure}: the test bed reads .yaml and .json packages only.`);
  }
  const text = await file.text();
  let spec: unknown;
  try {
    spec = name.endsWith('.json') ? JSON.parse(text) : parseAllDocuments(text).at(0)?.toJSON();
  } catch {
    spec = undefined;
  }
  const isObject = spec !== null && typeof spec === 'object' && !Array.isArray(spec);
  const record = (isObject ? spec : {}) as Record<string, unknown>;
  const isV2 = 'pipelineInfo' in record && 'root' in record;
  const isArgo = record.kind === 'Workflow';
  if (!isV2 && !isArgo) {
    throw new UploadError(
      400,
      'Invalid input error: unknown template format: a pipeline package needs pipelineInfo and root (KFP v2) or kind: Workflow (Argo).',
    );
  }
  return { fileName: file.name, spec: record };
}
