import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OidcAuthError, OidcAuthErrorCode } from './errors.js';

const CALLBACK_PATH = '/callback';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>/callback`: the redirect_uri of this login. */
  readonly redirectUri: string;
  /** The redirect the browser delivered for `state` (code, or error), as a full URL. */
  waitForCallback(state: string, timeoutMs: number): Promise<URL>;
  close(): Promise<void>;
}

function page(response: ServerResponse, status: number, text: string): void {
  const body = `<!DOCTYPE html><html><head><title>Login</title></head><body><p>${text}</p></body></html>`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * Listens on 127.0.0.1 only (never all interfaces). A request whose `state`
 * is not this login's is turned away and the wait goes on, so another local
 * process cannot end or hijack the login by calling the port first.
 */
export async function startLoopbackServer(port: number): Promise<LoopbackServer> {
  let expectedState: string | undefined;
  let deliver: ((callback: URL) => void) | undefined;
  let cancelWait: (() => void) | undefined;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      page(response, 404, 'Not found.');
      return;
    }
    const state = url.searchParams.get('state');
    if (!deliver || expectedState === undefined || state !== expectedState) {
      page(
        response,
        400,
        'This login link is not the one this program is waiting for. Start the login again.',
      );
      return;
    }
    const failed = url.searchParams.has('error');
    page(
      response,
      200,
      failed
        ? 'Login failed. Return to the terminal for details.'
        : 'Login complete. You can close this tab.',
    );
    const callback = new URL(`${redirectUri}${url.search}`);
    deliver(callback);
    deliver = undefined;
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new OidcAuthError(
          OidcAuthErrorCode.loginFailed,
          `Could not listen on 127.0.0.1:${port} for the login redirect (${error.message}). ` +
            'Choose another loopbackPort, or 0 for any free port.',
          { cause: error },
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;

  return {
    redirectUri,
    waitForCallback(state, timeoutMs) {
      expectedState = state;
      return new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => {
          deliver = undefined;
          reject(
            new OidcAuthError(
              OidcAuthErrorCode.loginTimeout,
              `The browser did not come back to ${redirectUri} within ${Math.round(timeoutMs / 1000)} s. ` +
                'Open the printed URL and finish the login, or raise loginTimeoutMs.',
            ),
          );
        }, timeoutMs);
        deliver = (callback) => {
          clearTimeout(timer);
          resolve(callback);
        };
        cancelWait = () => {
          clearTimeout(timer);
          reject(
            new OidcAuthError(
              OidcAuthErrorCode.loginCancelled,
              'The login was abandoned before the redirect arrived.',
            ),
          );
        };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // A login that ended early (the prompt threw) must not leave a timer holding the process open.
        cancelWait?.();
        deliver = undefined;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
