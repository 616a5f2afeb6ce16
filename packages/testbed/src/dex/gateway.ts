import type { ServerResponse } from 'node:http';
import type { IdentityClaims } from './dex-provider.js';
import type { EmulatorRequest } from './http.js';

/** Serves an authenticated request (the API behind the gateway). */
export type UpstreamHandler = (
  request: EmulatorRequest,
  response: ServerResponse,
  identity: IdentityClaims,
) => void;

/** Where the gateway sends browsers, known once both servers listen. */
export interface GatewayUrls {
  /** Dex's authorization endpoint as the gateway writes it into Location: absolute, or `/dex/auth` on the same origin. */
  dexAuthorize: string;
  /** The redirect_uri the gateway registers with Dex: absolute, or relative on the same origin. */
  callback: string;
}

export interface Gateway {
  handle(request: EmulatorRequest, response: ServerResponse): void;
  /** Makes every session issued so far invalid (a rotated cookie secret, a flushed session store). */
  expireSessions(): void;
  readonly sessionsIssued: number;
}
