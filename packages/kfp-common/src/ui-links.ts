import { ConfigError, invalidOption, requireText } from '@ml-platform/core';

/**
 * Links into the Pipelines UI, for logs and chat messages. `uiBase` is where the
 * UI is served: behind Kubeflow's dashboard the same URL as the API,
 * `https://<host>/pipeline`; with a port-forward, `http://localhost:8080`.
 */
export function runUiUrl(uiBase: string, runId: string): string {
  return uiLink(uiBase, `/runs/details/${segment('runId', runId)}`);
}

/**
 * The Pipelines UI page of an experiment, under `uiBase` (the UI's URL, e.g.
 * `https://kubeflow.example.com/pipeline`).
 */
export function experimentUiUrl(uiBase: string, experimentId: string): string {
  return uiLink(uiBase, `/experiments/details/${segment('experimentId', experimentId)}`);
}

/** The Pipelines UI page of a pipeline, or of one of its versions when `pipelineVersionId` is given. */
export function pipelineUiUrl(uiBase: string, pipelineId: string, pipelineVersionId?: string): string {
  const version =
    pipelineVersionId === undefined ? '' : `/version/${segment('pipelineVersionId', pipelineVersionId)}`;
  return uiLink(uiBase, `/pipelines/details/${segment('pipelineId', pipelineId)}${version}`);
}

/** The Pipelines UI page of a recurring run. */
export function recurringRunUiUrl(uiBase: string, recurringRunId: string): string {
  return uiLink(uiBase, `/recurringrun/details/${segment('recurringRunId', recurringRunId)}`);
}

function uiLink(uiBase: string, route: string): string {
  let url: URL;
  try {
    url = new URL(requireText('uiBase', uiBase, "'https://kubeflow.example.com/pipeline'"));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw invalidOption(
      `uiBase must be an absolute URL such as https://kubeflow.example.com/pipeline, got '${uiBase}'.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidOption(`uiBase must use http or https, got ${url.protocol}`);
  }
  // The UI routes with the URL fragment, so any query or fragment of uiBase is dropped.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/#${route}`;
}

function segment(option: string, id: string): string {
  return encodeURIComponent(requireText(option, id, "'5e0b…'"));
}
