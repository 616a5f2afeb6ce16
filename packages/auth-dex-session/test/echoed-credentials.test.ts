/**
 * A login endpoint that echoes what it received, in the forms a server
 * might: the posted form as sent, the password JSON-escaped, the session
 * cookie. None of it may reach the error, its stack, util.inspect,
 * JSON.stringify or any cause level, whatever characters the password has.
 */
import { inspect } from 'node:util';
import { DexLoginError, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const LOGIN_FORM =
  '<form method="post" action="/dex/auth/local/login"><input name="login"><input name="password" type="password"></form>';

it.each([`p w/+&=~!*'()"<>\\%41é密`, 'plain-but-long-password'])(
  'keeps the password %j out of every printed form of the error when the login page echoes it',
  async (password) => {
    server = await startHttpServer((request, response) => {
      const path = request.url.split('?')[0];
      if (path === '/app') {
        response
          .writeHead(302, {
            location: '/dex/auth?client_id=c&redirect_uri=%2Foauth2%2Fcallback&response_type=code',
          })
          .end();
      } else if (path === '/dex/auth') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LOGIN_FORM);
      } else if (path === '/dex/auth/local/login') {
        const sent = request.body.toString();
        const json = JSON.stringify(new URLSearchParams(sent).get('password'));
        response
          .writeHead(500, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<html><body><h1>Internal error</h1><p>form ${sent} json ${json}</p></body></html>`);
      } else {
        response.writeHead(404).end();
      }
    });
    const auth = dexSessionAuth({ endpoint: `${server.url}/app`, username: 'alice@example.com', password });
    const kfp = createKfpV2Client({ baseUrl: server.url, auth });
    const error = await kfp.GET('/apis/v2beta1/healthz').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DexLoginError);
    expect((error as Error).message).toContain('Internal error');
    const levels: unknown[] = [];
    for (
      let level: unknown = error;
      level !== undefined && levels.length < 10;
      level = (level as Error).cause
    )
      levels.push(level);
    const printed = [
      ...levels.flatMap((level) => [String((level as Error).message), String((level as Error).stack)]),
      inspect(error, { depth: 20 }),
      JSON.stringify(error),
    ].join('\n');
    for (const form of [
      password,
      encodeURIComponent(password),
      new URLSearchParams({ s: password }).toString().slice(2),
      JSON.stringify(password).slice(1, -1),
      Buffer.from(password).toString('base64'),
    ]) {
      expect(printed).not.toContain(form);
    }
  },
);
