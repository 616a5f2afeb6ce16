import { ApiError, ApiErrorCode, type ClientFetch, createClientFetch } from '@ml-platform/core';
import { KfpError, uiBaseUrlOf } from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import { RunInsightErrorCode } from './run-insight-errors.js';

/** How helpers reach the KFP UI server for a client: its base URL, and a fetch signed like the client's calls. */
export interface UiServerAccess {
  baseUrl: string;
  fetch: ClientFetch;
}

/**
 * The UI server's routes for `client`: at its `uiBaseUrl` (default its
 * `baseUrl`), through the client itself so its auth plugins, TLS and proxy
 * apply. `maxResponseBytes` bounds what is read of each answer.
 */
export function uiServerOf(client: KfpV2Client, maxResponseBytes?: number): UiServerAccess {
  const baseUrl = uiBaseUrlOf(client);
  if (!baseUrl) {
    throw new KfpError(
      RunInsightErrorCode.uiServerNotFound,
      'This client was not made by createKfpV2Client, so where the KFP UI server answers is unknown: ' +
        'create it with createKfpV2Client({ baseUrl, uiBaseUrl }).',
    );
  }
  return {
    baseUrl,
    fetch: createClientFetch(client, {
      baseUrl,
      ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
    }),
  };
}

/**
 * A 404 that is not the UI server's own answer. The UI server (Express)
 * answers its 404s (`pod not found`, `No objects found at ...`) as HTML
 * pages; the API server's grpc-gateway, or a gateway with no route, does not.
 */
export function isUiRouteMissing(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 404 && error.code !== ApiErrorCode.htmlResponse;
}

export function uiServerMissing(baseUrl: string, route: string, cause: unknown): KfpError {
  return new KfpError(
    RunInsightErrorCode.uiServerNotFound,
    `Nothing at ${baseUrl} serves the KFP UI's ${route}: it is answered by the KFP UI server (ml-pipeline-ui), ` +
      'not the API server. Behind Kubeflow the UI serves it at https://<host>/pipeline; with a client pointed at ' +
      'the API server itself, set uiBaseUrl to the UI (e.g. a port-forwarded ml-pipeline-ui, http://localhost:8080).',
    { cause },
  );
}
