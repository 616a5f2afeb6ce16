/**
 * The pages Dex renders, reduced to what a script depends on. The element
 * names, ids and form fields are those of Dex's templates (web/templates/
 * login.html, password.html, approval.html, error.html at v2.45); the markup
 * around them is our own.
 */
import { escapeHtml } from './http.js';

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<div class="theme-panel">\n${body}\n</div>\n</body>\n</html>\n`;
}

/** login.html: one link per connector, to `/auth/<id>?<the authorization request's query>`. */
export function connectorChooserPage(
  issuer: string,
  connectors: { name: string; type: string; url: string }[],
): string {
  const links = connectors
    .map(
      (connector) =>
        `  <div class="theme-form-row"><a href="${escapeHtml(connector.url)}" class="dex-btn theme-btn-provider">` +
        `<span class="dex-btn-icon dex-btn-icon--${escapeHtml(connector.type)}"></span>` +
        `<span class="dex-btn-text">Log in with ${escapeHtml(connector.name)}</span></a></div>`,
    )
    .join('\n');
  return page(
    'dex',
    `<h2 class="theme-heading">Log in to ${escapeHtml(issuer)}</h2>\n<div>\n${links}\n</div>`,
  );
}

/**
 * password.html: a POST form to the page's own URL with `login` and
 * `password`; after a failed attempt the same form again with the username
 * filled in and `#login-error`; with several connectors a link back to the chooser.
 */
export function passwordPage(options: {
  postUrl: string;
  usernamePrompt: string;
  username?: string;
  invalid: boolean;
  backLink?: string;
}): string {
  const username = options.username ? ` value="${escapeHtml(options.username)}"` : ' autofocus';
  const error = options.invalid
    ? `\n  <div id="login-error" class="dex-error-box">Invalid ${escapeHtml(options.usernamePrompt)} and password.</div>`
    : '';
  const back = options.backLink
    ? `\n<div class="theme-link-back"><a class="dex-subtle-text" href="${escapeHtml(options.backLink)}">Select another login method.</a></div>`
    : '';
  return page(
    'dex',
    `<h2 class="theme-heading">Log in to Your Account</h2>
<form method="post" action="${escapeHtml(options.postUrl)}">
  <label for="login">${escapeHtml(options.usernamePrompt)}</label>
  <input tabindex="1" required id="login" name="login" type="text" class="theme-form-input"${username}/>
  <label for="password">Password</label>
  <input tabindex="2" required id="password" name="password" type="password" class="theme-form-input"/>${error}
  <button tabindex="4" id="submit-login" type="submit" class="dex-btn theme-btn--primary">Login</button>
</form>${back}`,
  );
}

/** approval.html: two forms without an action (they post to the page's URL), `approval=approve` and `approval=rejected`. */
export function approvalPage(authRequestId: string, clientName: string, scopes: string[]): string {
  const form = (value: string, label: string) =>
    `<form method="post">\n  <input type="hidden" name="req" value="${escapeHtml(authRequestId)}"/>\n` +
    `  <input type="hidden" name="approval" value="${value}">\n  <button type="submit" class="dex-btn">${label}</button>\n</form>`;
  const list = scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  return page(
    'dex',
    `<h2 class="theme-heading">Grant Access</h2>\n<div class="dex-subtle-text">${escapeHtml(clientName)} would like to:</div>\n<ul class="dex-list">${list}</ul>\n${form('approve', 'Grant Access')}\n${form('rejected', 'Cancel')}`,
  );
}

/** error.html: the HTTP status text as heading and Dex's message (server/templates.go `err`). */
export function errorPage(statusText: string, message: string): string {
  return page(
    'dex',
    `<h2 class="theme-heading">${escapeHtml(statusText)}</h2>\n<p>${escapeHtml(message)}</p>`,
  );
}
