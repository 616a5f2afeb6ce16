/**
 * Pages the login flow must read without being fooled or stalled: markup that
 * only looks like a form, links with broken encoding, and pages built to make
 * a naive tokenizer backtrack. Each is served where Dex's /auth page would be.
 */
import { DexLoginError, DexSessionErrorCode, dexSessionAuth } from '@ml-platform/auth-dex-session';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, USERNAME } from './cluster.js';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const LOGIN_FORM =
  '<form method="post" action="/dex/auth/local/login"><input name="login"><input name="password" type="password"></form>';

/** A gateway that sends the browser to Dex, whose /auth page is `page`; the login itself is never reached. */
async function loginAgainst(page: string): Promise<{ error: unknown; posts: number }> {
  server = await startHttpServer((request, response) => {
    const path = request.url.split('?')[0];
    if (path === '/app') {
      response
        .writeHead(302, {
          location: '/dex/auth?client_id=c&redirect_uri=%2Foauth2%2Fcallback&response_type=code',
        })
        .end();
    } else if (path === '/dex/auth') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      response.writeHead(303, { location: '/app' }).end();
    }
  });
  const auth = dexSessionAuth({ endpoint: `${server.url}/app`, username: USERNAME, password: PASSWORD });
  const kfp = createKfpV2Client({ baseUrl: server.url, auth });
  const error = await kfp.GET('/apis/v2beta1/healthz').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return { error, posts: server.requests.filter((request) => request.method === 'POST').length };
}

describe('markup that is not a form', () => {
  it('a login form inside an HTML comment gets no credentials', async () => {
    const { error, posts } = await loginAgainst(`<html><body><!-- ${LOGIN_FORM} --><p>Nothing here</p>`);
    expect(error).toBeInstanceOf(DexLoginError);
    expect(error).toMatchObject({ code: DexSessionErrorCode.unexpectedResponse, step: 'dex-authorize' });
    expect((error as Error).message).toContain('"Nothing here"');
    expect(posts).toBe(0);
  });

  it('a login form written by a script, or in a style or template, gets no credentials', async () => {
    const { error, posts } = await loginAgainst(
      `<script>document.write('${LOGIN_FORM}')</script><style>/* ${LOGIN_FORM} */</style>` +
        `<template>${LOGIN_FORM}</template><h1>Scripted</h1>`,
    );
    expect(error).toMatchObject({ code: DexSessionErrorCode.unexpectedResponse });
    expect((error as Error).message).toContain('a page saying "Scripted"');
    expect(posts).toBe(0);
  });
});

describe('connector links', () => {
  it('a link with malformed percent-encoding is not a connector: an AuthError, not a URIError', async () => {
    const { error } = await loginAgainst('<a href="/dex/auth/%E0%A4%A?req=1">Broken</a>');
    expect(error).toBeInstanceOf(DexLoginError);
    expect(error).toMatchObject({ code: DexSessionErrorCode.unexpectedResponse });
  });

  it('a malformed link next to a good one: the good one is followed', async () => {
    const { error } = await loginAgainst(
      '<a href="/dex/auth/%ZZ?req=1">Broken</a><a href="/dex/auth/ldap?req=1">LDAP</a>',
    );
    // The chooser offers only "ldap"; the plugin asks for "local" and says what is on offer.
    expect(error).toMatchObject({ code: DexSessionErrorCode.unknownConnector });
    expect((error as Error).message).toContain('it offers "ldap".');
  });
});

describe('pages built to stall a tokenizer', () => {
  // Before htmlparser2, a 100 KB page of these blocked the event loop for 27 s (a regex backtracking per tag).
  it.each([
    ['unclosed <a ', '<a '],
    ['unclosed quoted attributes', '<a href="'],
    ['unclosed comments', '<!-- <form '],
  ])('a page of 1 MB of %s is read in one pass and refused with an AuthError', async (_, unit) => {
    const page = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const { error, posts } = await loginAgainst(page);
    expect(error).toBeInstanceOf(DexLoginError);
    expect(error).toMatchObject({ code: DexSessionErrorCode.unexpectedResponse });
    expect(posts).toBe(0);
  });
});
