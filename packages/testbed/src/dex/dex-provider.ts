/**
 * Dex's browser login flow, as dexidp/dex v2.45 serves it (server/handlers.go,
 * server/oauth2.go, server/templates.go). Only what a client of the flow can
 * observe is reproduced: paths, status codes, Location headers, form fields.
 * Dex sets no cookies in this flow: the auth request id travels in the URL.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ServerResponse, STATUS_CODES } from 'node:http';
import { approvalPage, connectorChooserPage, errorPage, passwordPage } from './dex-pages.js';
import { type EmulatorRequest, formOf, redirect, sendHtml, sendText } from './http.js';
import type { EmulatedUser, ResolvedOptions } from './options.js';

/** An OAuth2 client registered with Dex (its `staticClients`). */
export interface DexClient {
  id: string;
  name: string;
  /** Compared verbatim, so a relative `/oauth2/callback` (Kubeflow's) works as in Dex. */
  redirectUris: string[];
}

/** What the gateway learns when it redeems a code (the ID token's claims). */
export interface IdentityClaims {
  sub: string;
  email: string;
  groups: string[];
  connectorId: string;
}

interface AuthRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  codeChallenge: string;
  codeChallengeMethod: string;
  connectorId: string;
  loggedIn: boolean;
  claims?: IdentityClaims;
  hmacKey: Buffer;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  claims: IdentityClaims;
  codeChallenge: string;
  codeChallengeMethod: string;
}

export interface EmulatedDex {
  /** Where Dex's routes live on its origin (its issuer path), e.g. `/dex`. */
  readonly issuerPath: string;
  /** Successful password logins so far. */
  readonly logins: number;
  registerClient(client: DexClient): void;
  /** Serves `request` if it is one of Dex's paths; false otherwise. */
  handle(request: EmulatorRequest, response: ServerResponse): boolean;
  /** The token endpoint's code exchange, done in-process: the gateway redeems server to server, never via the client. */
  redeem(
    code: string,
    clientId: string,
    redirectUri: string,
    codeVerifier: string,
  ): IdentityClaims | undefined;
}

const randomId = () => randomBytes(16).toString('base64url');

export function createEmulatedDex(options: ResolvedOptions, issuerPath = '/dex'): EmulatedDex {
  const clients = new Map<string, DexClient>();
  const authRequests = new Map<string, AuthRequest>();
  const codes = new Map<string, AuthCode>();
  let logins = 0;

  // renderError: the status text as heading, the message below (server/templates.go `err`).
  const renderError = (response: ServerResponse, status: number, message: string) =>
    sendHtml(response, status, errorPage(STATUS_CODES[status] ?? 'Error', message));

  const connectorById = (id: string) => options.connectors.find((connector) => connector.id === id);

  // handleAuthorization (GET /auth): an explicit connector_id or a single connector redirects
  // (302) to /auth/<id> with the rest of the query; otherwise the chooser lists every connector.
  function handleAuthorization(request: EmulatorRequest, response: ServerResponse) {
    const query = new URLSearchParams(request.url.search);
    const wanted = query.get('connector_id');
    query.delete('connector_id');
    query.sort(); // Go's url.Values.Encode sorts by key
    const connectorUrl = (id: string) => `${issuerPath}/auth/${encodeURIComponent(id)}?${query}`;
    if (wanted) {
      if (connectorById(wanted)) return redirect(response, 302, connectorUrl(wanted));
      return renderError(response, 400, 'Connector ID does not match a valid Connector');
    }
    const [only] = options.connectors;
    if (options.connectors.length === 1 && only && !options.alwaysShowLoginScreen) {
      return redirect(response, 302, connectorUrl(only.id));
    }
    const issuer = `${request.url.origin}${issuerPath}`;
    const links = options.connectors.map((connector) => ({ ...connector, url: connectorUrl(connector.id) }));
    sendHtml(response, 200, connectorChooserPage(issuer, links));
  }

  // handleConnectorLogin (GET /auth/<connector>): validates the client (parseAuthorizationRequest),
  // stores the auth request and sends a password connector to /auth/<id>/login?back=&state=<id>,
  // a callback connector to its upstream identity provider.
  function handleConnectorLogin(request: EmulatorRequest, response: ServerResponse, connectorId: string) {
    const query = new URLSearchParams(request.url.search);
    const client = clients.get(query.get('client_id') ?? '');
    if (!client) return renderError(response, 404, 'Invalid client_id.');
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!client.redirectUris.includes(redirectUri))
      return renderError(response, 400, 'Unregistered redirect_uri.');
    const connector = connectorById(connectorId);
    if (!connector) return renderError(response, 400, 'Connector failed to initialize');
    if (request.method !== 'GET') return renderError(response, 400, 'Unsupported request method.');
    const authRequest: AuthRequest = {
      id: randomId(),
      clientId: client.id,
      redirectUri,
      state: query.get('state') ?? '',
      scopes: (query.get('scope') ?? '').split(/\s+/).filter(Boolean),
      codeChallenge: query.get('code_challenge') ?? '',
      codeChallengeMethod: query.get('code_challenge_method') || 'plain',
      connectorId,
      loggedIn: false,
      hmacKey: randomBytes(32),
    };
    authRequests.set(authRequest.id, authRequest);
    if (connector.type === 'oauth') {
      const upstream = new URL(connector.authorizeUrl ?? 'https://github.com/login/oauth/authorize');
      upstream.searchParams.set('state', authRequest.id);
      return redirect(response, 302, upstream.toString());
    }
    const back = options.connectors.length > 1 ? `${issuerPath}/auth?${query}` : '';
    const login = new URLSearchParams({ back, state: authRequest.id });
    redirect(response, 302, `${issuerPath}/auth/${encodeURIComponent(connectorId)}/login?${login}`);
  }

  // handlePasswordLogin (GET|POST /auth/<connector>/login): GET renders the form posting to the
  // same URL; a wrong password re-renders it (401 since v2.36, 200 before); success goes to the
  // approval screen (303) or straight to the client with a code.
  function handlePasswordLogin(request: EmulatorRequest, response: ServerResponse, connectorId: string) {
    const stateId = request.url.searchParams.get('state');
    if (!stateId) return renderError(response, 400, 'User session error.');
    const authRequest = authRequests.get(stateId);
    if (!authRequest) return renderError(response, 400, 'Requested resource does not exist.');
    if (connectorId !== authRequest.connectorId)
      return renderError(response, 500, 'Requested resource does not exist.');
    const connector = connectorById(connectorId);
    if (!connector || connector.type === 'oauth')
      return renderError(response, 500, 'Requested resource does not exist.');
    const usernamePrompt = connector.type === 'ldap' ? 'Username' : 'Email Address';
    const postUrl = `${request.url.pathname}${request.url.search}`;
    const backLink = request.url.searchParams.get('back') || undefined;
    if (request.method === 'GET') {
      return sendHtml(
        response,
        200,
        passwordPage({ postUrl: loginFormAction(postUrl), usernamePrompt, invalid: false, backLink }),
      );
    }
    if (request.method !== 'POST') return renderError(response, 400, 'Unsupported request method.');
    const form = formOf(request);
    const login = form.get('login') ?? '';
    const user = findUser(options.users, connectorId, login, form.get('password') ?? '');
    if (!user) {
      const html = passwordPage({
        postUrl: loginFormAction(postUrl),
        usernamePrompt,
        username: login,
        invalid: true,
        backLink,
      });
      return sendHtml(response, options.invalidLoginStatus, html);
    }
    // finalizeLogin refuses a blocked account (account lockout): renderError 500 "Login error.".
    if (user.locked) return renderError(response, 500, 'Login error.');
    logins += 1;
    authRequest.loggedIn = true;
    authRequest.claims = claimsOf(user, connectorId, options.largeClaimsBytes);
    if (options.approvalScreen) {
      const query = new URLSearchParams({ req: authRequest.id, hmac: approvalMac(authRequest) });
      return redirect(response, 303, `${issuerPath}/approval?${query}`);
    }
    sendCodeResponse(response, authRequest);
  }

  function loginFormAction(ownUrl: string): string {
    return options.loginFormAction ?? ownUrl;
  }

  // handleApproval (GET|POST /approval?req=&hmac=): the HMAC of the auth request id guards the
  // page; POST approval=approve sends the code, anything else is "Approval rejected.".
  function handleApproval(request: EmulatorRequest, response: ServerResponse) {
    const form = formOf(request);
    const mac = form.get('hmac');
    if (!mac) return renderError(response, 401, 'Unauthorized request');
    const authRequest = authRequests.get(form.get('req') ?? '');
    if (!authRequest) return renderError(response, 500, 'Database error.');
    if (!authRequest.loggedIn) return renderError(response, 500, 'Login process not yet finalized.');
    const expected = Buffer.from(approvalMac(authRequest));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return renderError(response, 401, 'Unauthorized request');
    }
    if (request.method === 'GET') {
      const client = clients.get(authRequest.clientId);
      return sendHtml(
        response,
        200,
        approvalPage(authRequest.id, client?.name ?? authRequest.clientId, authRequest.scopes),
      );
    }
    if (form.get('approval') !== 'approve') return renderError(response, 500, 'Approval rejected.');
    sendCodeResponse(response, authRequest);
  }

  // sendCodeResponse: the auth request is spent; 303 to redirect_uri with code and state added to its query.
  function sendCodeResponse(response: ServerResponse, authRequest: AuthRequest) {
    authRequests.delete(authRequest.id);
    const code = randomId();
    const claims = authRequest.claims;
    if (!claims) return renderError(response, 500, 'Login error.');
    codes.set(code, { ...authRequest, claims });
    const [path = '', existing = ''] = authRequest.redirectUri.split('?');
    const query = new URLSearchParams(existing);
    query.set('code', code);
    query.set('state', authRequest.state);
    query.sort();
    redirect(response, 303, `${path}?${query}`);
  }

  const approvalMac = (authRequest: AuthRequest) =>
    createHmac('sha256', authRequest.hmacKey).update(authRequest.id).digest('base64url');

  return {
    issuerPath,
    get logins() {
      return logins;
    },
    registerClient(client) {
      clients.set(client.id, client);
    },
    handle(request, response) {
      const path = request.url.pathname;
      if (path !== issuerPath && !path.startsWith(`${issuerPath}/`)) return false;
      const rest = path.slice(issuerPath.length);
      const loginMatch = /^\/auth\/([^/]+)\/login$/.exec(rest);
      const connectorMatch = /^\/auth\/([^/]+)$/.exec(rest);
      if (rest === '/auth') handleAuthorization(request, response);
      else if (loginMatch?.[1]) handlePasswordLogin(request, response, decodeURIComponent(loginMatch[1]));
      else if (connectorMatch?.[1])
        handleConnectorLogin(request, response, decodeURIComponent(connectorMatch[1]));
      else if (rest === '/approval') handleApproval(request, response);
      else sendText(response, 404, '404 page not found\n'); // gorilla/mux's NotFound
      return true;
    },
    redeem(code, clientId, redirectUri, codeVerifier) {
      const issued = codes.get(code);
      codes.delete(code); // codes are single use
      if (!issued || issued.clientId !== clientId || issued.redirectUri !== redirectUri) return undefined;
      if (issued.codeChallenge) {
        const computed =
          issued.codeChallengeMethod === 'S256'
            ? createHash('sha256').update(codeVerifier).digest('base64url')
            : codeVerifier;
        if (computed !== issued.codeChallenge) return undefined;
      }
      return issued.claims;
    },
  };
}

function findUser(users: EmulatedUser[], connectorId: string, login: string, password: string) {
  return users.find(
    (user) =>
      (user.connector === undefined || user.connector === connectorId) &&
      user.login === login &&
      user.password === password,
  );
}

function claimsOf(user: EmulatedUser, connectorId: string, largeClaimsBytes: number): IdentityClaims {
  const groups = [...(user.groups ?? [])];
  let padding = largeClaimsBytes;
  for (let index = 0; padding > 0; index += 1) {
    const group = `kubeflow-team-${String(index).padStart(5, '0')}-${'x'.repeat(40)}`;
    groups.push(group);
    padding -= group.length + 3;
  }
  return {
    sub: createHash('sha256').update(`${connectorId}:${user.login}`).digest('hex'),
    email: user.email ?? user.login,
    groups,
    connectorId,
  };
}
