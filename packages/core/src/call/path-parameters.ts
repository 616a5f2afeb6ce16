import { ConfigError, ConfigErrorCode } from '../errors.js';

/**
 * Refuses a path parameter that would change which resource the URL names:
 * empty, `.` or `..`. `new URL()` resolves dot segments, so
 * `DELETE /apis/v2beta1/runs/..` would go out as `DELETE /apis/v2beta1/`
 * (and the empty string drops a segment); this check sees the values before
 * openapi-fetch builds the URL, so nothing is sent.
 */
export function checkPathParameters(method: string, path: string, params: unknown): void {
  const values = (params as { path?: unknown } | null | undefined)?.path;
  if (values === null || typeof values !== 'object') return;
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    const text = value === undefined || value === null ? '' : String(value);
    if (text.trim() !== '' && text !== '.' && text !== '..') continue;
    const shown = value === undefined || value === null ? String(value) : JSON.stringify(text);
    throw new ConfigError(
      ConfigErrorCode.invalidPathParameter,
      `${method} ${path}: the path parameter ${name} is ${shown}, which would name another resource ` +
        `than the one meant (an empty, "." or ".." segment is dropped or resolved away in the URL). ` +
        `Pass the ${name} of an existing resource; nothing was sent.`,
    );
  }
}
