/**
 * What an error built from a response adds when the status alone does not
 * explain it. Loaded by the response guard on the first response that needs
 * one, so a client that only ever gets 2xx answers never loads this text.
 */

export const HTML_HINT =
  'Expected JSON but got an HTML page: usually a login or sign-in page of the gateway in front of the API. ' +
  'Check that an auth plugin is configured and that baseUrl points at the API itself ' +
  '(KFP behind Kubeflow: https://<host>/pipeline; Seldon Deploy: https://<host>/seldon-deploy/api/v1alpha1).';

export const NO_CREDENTIALS_HINT =
  "The request carried no credentials. Add an auth plugin as the client's auth option: serviceAccountTokenAuth() " +
  '(@ml-platform/auth-sa-token) inside a Kubernetes pod, dexSessionAuth() (@ml-platform/auth-dex-session) for a ' +
  'Kubeflow login with username and password, oidcAuth() (@ml-platform/auth-oidc) for an OpenID provider, or ' +
  'staticTokenAuth(token) / staticCookieAuth(cookie) from @ml-platform/core.';
