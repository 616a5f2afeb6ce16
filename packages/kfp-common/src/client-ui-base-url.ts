import { normalizeBaseUrl } from '@ml-platform/core';
import { recordSettings, settingsOf } from './client-settings.js';

/**
 * Records where the KFP UI server answers for `client` (pod logs, artifacts,
 * ML Metadata): `uiBaseUrl` when given, else the client's own `baseUrl`, as
 * the UI server proxies the API and serves those routes from one origin.
 */
export function setClientUiBaseUrl(client: object, uiBaseUrl: string): void {
  recordSettings(client, { uiBaseUrl: normalizeBaseUrl(uiBaseUrl, 'https://<kubeflow-host>/pipeline') });
}

/** The KFP UI server's base URL recorded for `client`, or undefined for a client not made by a KFP factory. */
export function uiBaseUrlOf(client: object): string | undefined {
  return settingsOf(client).uiBaseUrl;
}
