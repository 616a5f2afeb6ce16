import type { KoaContextWithOIDC } from 'oidc-provider';

/** Marks the page shown once a device login is approved; the scripted browser looks for it. */
export const DEVICE_SUCCESS_TEXT = 'Device login complete';

function page(ctx: KoaContextWithOIDC, title: string, body: string): void {
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

/**
 * Plain device-flow pages (oidc-provider's defaults print a notice on every
 * use). The forms are the ones oidc-provider builds, so the flow is unchanged.
 */
export const devicePages = {
  userCodeInputSource(ctx: KoaContextWithOIDC, form: string, _out?: unknown, error?: unknown): void {
    page(
      ctx,
      'Enter the code',
      `${error ? '<p class="error">That code did not work.</p>' : ''}${form}<button type="submit" form="op.deviceInputForm">Continue</button>`,
    );
  },
  userCodeConfirmSource(
    ctx: KoaContextWithOIDC,
    form: string,
    _client: unknown,
    _info: unknown,
    userCode: string,
  ): void {
    page(
      ctx,
      'Confirm the device',
      `<p>Code: <code>${userCode}</code></p>${form}<button type="submit" form="op.deviceConfirmForm">Continue</button>`,
    );
  },
  successSource(ctx: KoaContextWithOIDC): void {
    page(ctx, DEVICE_SUCCESS_TEXT, '<p>You can return to your device.</p>');
  },
};
