import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { checkTestUserPassword } from './test-users.js';

/** Where oidc-provider sends the browser to log in and consent. */
export const INTERACTION_PATH = /^\/interaction\/([\w-]+)$/;

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function html(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(
    `<!DOCTYPE html><html><head><title>Test OpenID Provider</title></head><body>${body}</body></html>`,
  );
}

function loginForm(uid: string, message: string): string {
  return `<p>${message}</p>
<form method="post" action="/interaction/${uid}">
<input type="text" name="username" autocomplete="username"/>
<input type="password" name="password" autocomplete="current-password"/>
<button type="submit">Log in and allow</button>
<button type="submit" name="deny" value="yes">Deny</button>
</form>`;
}

/**
 * The login and consent pages, in one step: a correct username and password
 * log the user in and grant everything the client asked for (scopes, claims,
 * resource scopes); `deny=yes` answers `access_denied`. A real provider asks
 * twice; tests only need the outcome, and a person using the demo still sees a form.
 */
export async function handleInteraction(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (request.method === 'GET') {
    html(response, 200, loginForm(details.uid, `Log in to ${String(details.params.client_id)}`));
    return;
  }
  const form = await readForm(request);
  if (form.get('deny') === 'yes') {
    await provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'The user denied the request.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const user = checkTestUserPassword(form.get('username'), form.get('password'));
  const accountId =
    user?.username ?? (details.prompt.name === 'login' ? undefined : details.session?.accountId);
  if (!accountId) {
    html(response, 401, loginForm(details.uid, 'Wrong username or password.'));
    return;
  }
  const clientId = String(details.params.client_id);
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
    : new provider.Grant({ accountId, clientId });
  if (typeof details.params.scope === 'string') grant.addOIDCScope(details.params.scope);
  const missing = details.prompt.details as {
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}
