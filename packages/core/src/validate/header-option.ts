import { invalidOption } from './invalid-option.js';

// Everything but HTAB and visible Latin-1: what fetch's Headers refuses, with a message that quotes the value.
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/;

/** Whether fetch can send `value` as a header value. */
export function isSendableHeaderValue(value: string): boolean {
  return !UNSENDABLE.test(value);
}
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Throws unless `value` can be sent as a header value; `label` names it (`header x-api-key`, `token`). A value with CR/LF
 * would split the request; it is refused without being shown, as header
 * values are often credentials.
 */
export function checkHeaderValue(label: string, value: string, plugin?: string): void {
  if (!isSendableHeaderValue(value)) {
    throw invalidOption(
      `${label} must not contain line breaks (CR or LF) or other characters a header cannot carry; ` +
        'the value is not shown, as it may be a credential.',
      plugin,
    );
  }
}

/** Checks a client's `headers` option: a record, a list of pairs or a Headers, with safe names and values. */
export function checkHeadersOption(headers: unknown): void {
  if (headers === undefined || headers instanceof Headers) return;
  if (typeof headers !== 'object' || headers === null) {
    throw invalidOption(
      `headers must be an object such as { 'kubeflow-userid': 'alice@example.com' }, got ${typeof headers}.`,
    );
  }
  const entries: Array<[unknown, unknown]> = Array.isArray(headers)
    ? headers.map((pair) => (Array.isArray(pair) ? [pair[0], pair[1]] : [pair, undefined]))
    : Object.entries(headers);
  for (const [name, value] of entries) {
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
      throw invalidOption('headers has an entry whose name is not a valid HTTP header name.');
    }
    for (const item of [value].flat()) {
      if (item === undefined || item === null) continue;
      if (!['string', 'number', 'boolean'].includes(typeof item)) {
        throw invalidOption(`header ${name} must be a string, number or boolean, got ${typeof item}.`);
      }
      checkHeaderValue(`header ${name}`, String(item));
    }
  }
}
