import type { TestUser } from './test-users.js';

/** Who logs in at the provider's page, or `'deny'` to refuse the request there. */
export type BrowserAnswer = Pick<TestUser, 'username' | 'password'> | 'deny';

const MAX_STEPS = 20;

function decodeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The first form of a page: its action and hidden inputs (what a browser submits unchanged). */
function firstForm(page: string, base: URL): { action: URL; fields: URLSearchParams } | undefined {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(page);
  if (!form) return undefined;
  const action = /\baction="([^"]*)"/i.exec(form[0])?.[1];
  const fields = new URLSearchParams();
  for (const input of form[1]?.matchAll(/<input\b[^>]*>/gi) ?? []) {
    if (!/\btype="hidden"/i.test(input[0])) continue;
    const name = /\bname="([^"]*)"/i.exec(input[0])?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(input[0])?.[1] ?? '';
    if (name) fields.append(decodeHtml(name), decodeHtml(value));
  }
  return { action: new URL(decodeHtml(action ?? base.href), base), fields };
}

/**
 * A scripted browser for the provider's pages: keeps cookies, follows
 * redirects by hand, auto-submits the provider's hidden forms (form_post,
 * device confirmation) and answers the login page with `answer`. It stops at
 * the first redirect that leaves the provider (the client's redirect_uri,
 * returned, not visited) or at a page with nothing left to submit.
 */
export class TestBrowser {
  readonly #origin: string;
  readonly #cookies = new Map<string, string>();

  constructor(issuer: string) {
    this.#origin = new URL(issuer).origin;
  }

  async run(start: URL, answer: BrowserAnswer): Promise<{ redirect?: URL; page?: string }> {
    let request: { url: URL; method: 'GET' | 'POST'; form?: URLSearchParams } = { url: start, method: 'GET' };
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const response = await this.#send(request.url, request.method, request.form);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, request.url);
        if (next.origin !== this.#origin) return { redirect: next };
        request = { url: next, method: 'GET' };
        continue;
      }
      const page = await response.text();
      if (response.status >= 400) {
        throw new Error(
          `The provider answered ${response.status} at ${request.url.pathname}: ${page.slice(0, 300)}`,
        );
      }
      if (request.url.pathname.startsWith('/interaction/') && request.method === 'GET') {
        const form =
          answer === 'deny'
            ? new URLSearchParams({ deny: 'yes' })
            : new URLSearchParams({ username: answer.username, password: answer.password });
        request = { url: request.url, method: 'POST', form };
        continue;
      }
      const form = firstForm(page, request.url);
      if (!form || form.fields.size === 0) return { page };
      request = { url: form.action, method: 'POST', form: form.fields };
    }
    throw new Error(`The provider's pages did not finish within ${MAX_STEPS} steps.`);
  }

  async #send(url: URL, method: 'GET' | 'POST', form?: URLSearchParams): Promise<Response> {
    const headers = new Headers();
    if (this.#cookies.size > 0) {
      headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(url, { method, headers, body: form?.toString(), redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }
}
