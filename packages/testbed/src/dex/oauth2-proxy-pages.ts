/**
 * oauth2-proxy's pages, reduced to what a script sees: the sign-in page's GET
 * form to `<proxy-prefix>/start` with a hidden `rd`
 * (pkg/app/pagewriter/sign_in.html) and the error page's status and message
 * (pkg/app/pagewriter/error.html). The markup is our own.
 */
import { escapeHtml } from './http.js';

export function signInPage(proxyPrefix: string, redirectPath: string, providerName: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign In</title></head>
<body>
<section class="section">
  <form method="GET" action="${escapeHtml(proxyPrefix)}/start">
    <input type="hidden" name="rd" value="${escapeHtml(redirectPath)}">
    <button type="submit" class="button block is-primary">Sign in with ${escapeHtml(providerName)}</button>
  </form>
</section>
</body>
</html>
`;
}

export function proxyErrorPage(status: number, title: string, message: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${status} ${escapeHtml(title)}</title></head>
<body>
<section class="section">
  <h1 class="title">${status}</h1>
  <p class="subtitle">${escapeHtml(title)}</p>
  <p>${escapeHtml(message)}</p>
</section>
</body>
</html>
`;
}
