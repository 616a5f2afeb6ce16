import type { HtmlForm, HtmlPage } from './html-page.js';
import { resolve } from './login-urls.js';

/** What a page of the login flow asks for. */
export type LoginPage =
  /** Dex's password form (password.html): fields `login` and `password`. */
  | { kind: 'password-form'; form: HtmlForm; connectorInPath: string | undefined }
  /** Dex's approval screen (approval.html): a form with `approval=approve`. */
  | { kind: 'approval'; form: HtmlForm }
  /** Dex's connector chooser (login.html): one link per connector to `<issuer>/auth/<id>?...`. */
  | { kind: 'connector-chooser'; connectors: { id: string; url: URL }[] }
  /** oauth2-proxy's sign-in page (sign_in.html): a GET form to `<prefix>/start` with `rd`. */
  | { kind: 'sign-in'; form: HtmlForm }
  | { kind: 'other' };

const PASSWORD_LOGIN_PATH = /\/auth\/([^/]+)\/login$/;
const CONNECTOR_PATH = /\/auth\/([^/]+)$/;

const hasField = (form: HtmlForm, name: string, value?: string) =>
  form.fields.some((field) => field.name === name && (value === undefined || field.value === value));

export function classifyPage(page: HtmlPage, pageUrl: URL): LoginPage {
  const passwordForm = page.forms.find((form) => hasField(form, 'login') && hasField(form, 'password'));
  if (passwordForm) {
    const match = PASSWORD_LOGIN_PATH.exec(pageUrl.pathname);
    return {
      kind: 'password-form',
      form: passwordForm,
      connectorInPath: match?.[1] && (decodedSegment(match[1]) ?? match[1]),
    };
  }
  const approvalForm = page.forms.find(
    (form) => form.method === 'POST' && hasField(form, 'approval', 'approve'),
  );
  if (approvalForm) return { kind: 'approval', form: approvalForm };
  const connectors = connectorLinks(page.links, pageUrl);
  if (connectors.length > 0) return { kind: 'connector-chooser', connectors };
  const signInForm = page.forms.find(
    (form) =>
      form.method === 'GET' &&
      hasField(form, 'rd') &&
      /\/start$/.test(resolve(form.action ?? '', pageUrl)?.pathname ?? ''),
  );
  if (signInForm) return { kind: 'sign-in', form: signInForm };
  return { kind: 'other' };
}

/** Links on the page's own origin to `<issuer>/auth/<connector>`, one per connector id. */
function connectorLinks(links: string[], pageUrl: URL): { id: string; url: URL }[] {
  const found = new Map<string, URL>();
  for (const link of links) {
    const url = resolve(link, pageUrl);
    const match = url && url.origin === pageUrl.origin ? CONNECTOR_PATH.exec(url.pathname) : null;
    // A link whose id is not valid percent-encoding names no connector Dex could have.
    const id = url && match?.[1] ? decodedSegment(match[1]) : undefined;
    if (url && id !== undefined) {
      if (!found.has(id)) found.set(id, url);
    }
  }
  return [...found].map(([id, url]) => ({ id, url }));
}

/** A path segment percent-decoded, or undefined when its encoding is malformed (`%E0%A4%A`). */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
