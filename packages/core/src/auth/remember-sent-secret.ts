import { callContextOf, type HookParams, rememberSecret } from '../call/call-context.js';

/**
 * Part of the plugin contract: a plugin that puts a credential on a request
 * calls this from its hook (with the hook's own parameters), so core redacts
 * that credential, in every encoding it may come back in, from everything it
 * builds from the response (an error page that echoes the Authorization
 * header it received). Credentials in `Authorization` and `Cookie` headers
 * are found without it; a credential in any other header needs it.
 */
export function rememberSentSecret(hook: HookParams, secret: string | undefined): void {
  if (secret) rememberSecret(callContextOf(hook), secret);
}
