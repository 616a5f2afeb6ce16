import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type {
  AuthorizationUrlDetails,
  DeviceCodeDetails,
  OidcAuthWarning,
  OidcPrompt,
} from '@ml-platform/auth-oidc';
import { jwtExpiresAt } from '@ml-platform/core';
import type { BrowserAnswer, OidcTestProvider } from '@ml-platform/testbed/oidc/index';
import { expect } from 'vitest';

/** Everything a prompt was shown, and what the scripted user did. */
export interface ScriptedPrompt extends OidcPrompt {
  readonly shownUrls: URL[];
  readonly shownDeviceCodes: DeviceCodeDetails[];
  /** How many times the user was asked to do something (URL shown or device code shown). */
  readonly asked: number;
  /** What the next login answers at the provider's page. */
  answer: BrowserAnswer;
  /** Turns the provider's redirect into what the user pastes (default: the bare code). */
  paste: (redirect: URL) => string;
  /** Whether the browser delivers the loopback redirect (false: the user never finishes). */
  deliverLoopback: boolean;
}

/**
 * The user, scripted: opens the authorization URL in the test provider's
 * browser, logs in, and pastes the code (out-of-band) or lets the browser
 * return to the loopback server; approves device codes on the verification page.
 */
export function scriptedPrompt(provider: OidcTestProvider): ScriptedPrompt {
  let lastRedirect: URL | undefined;
  const prompt: ScriptedPrompt = {
    shownUrls: [],
    shownDeviceCodes: [],
    get asked() {
      return this.shownUrls.length + this.shownDeviceCodes.length;
    },
    answer: provider.users.alice,
    paste: (redirect) => redirect.searchParams.get('code') ?? '',
    deliverLoopback: true,
    async showAuthorizationUrl({ url, redirect }: AuthorizationUrlDetails) {
      prompt.shownUrls.push(new URL(url));
      lastRedirect = await provider.completeAuthorization(url, prompt.answer);
      if (redirect === 'loopback' && prompt.deliverLoopback) {
        const response = await fetch(lastRedirect);
        await response.body?.cancel();
      }
    },
    async readAuthorizationCode() {
      if (!lastRedirect) throw new Error('readAuthorizationCode before showAuthorizationUrl');
      return prompt.paste(lastRedirect);
    },
    async showDeviceCode(details: DeviceCodeDetails) {
      prompt.shownDeviceCodes.push(details);
      await provider.approveDevice(details.userCode, prompt.answer);
    },
  };
  return prompt;
}

/**
 * A clock the plugin reads instead of `Date.now` (its `now` option), so a test
 * can move a token to the edge of its expiry without waiting for it. The
 * provider and the API keep real time.
 */
export function testClock(): {
  now: () => number;
  advanceTo(token: string, leftMs: number): void;
  reset(): void;
} {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advanceTo(token, leftMs) {
      const expiresAt = jwtExpiresAt(token);
      if (expiresAt === undefined) throw new Error('advanceTo needs a JWT with exp');
      offset = expiresAt - leftMs - Date.now();
    },
    reset() {
      offset = 0;
    },
  };
}

/** A fresh directory for cache files, removed by the returned function. */
export async function temporaryDirectory(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'auth-oidc-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Collects warnings instead of printing them. */
export function warningLog(): { warnings: OidcAuthWarning[]; onWarning: (warning: OidcAuthWarning) => void } {
  const warnings: OidcAuthWarning[] = [];
  return { warnings, onWarning: (warning) => warnings.push(warning) };
}

/** Asserts that none of `secrets` appears in the message, the string form or the inspected form of `value`. */
export function expectNoSecrets(value: unknown, secrets: ReadonlyArray<string | undefined>): void {
  const renderings = [
    value instanceof Error ? value.message : '',
    String(value),
    inspect(value, { depth: 10, showHidden: true, getters: true }),
    JSON.stringify(value) ?? '',
  ];
  for (const secret of secrets) {
    if (!secret) continue;
    for (const rendering of renderings) expect(rendering).not.toContain(secret);
  }
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; oauthError?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection, but the promise resolved');
}
