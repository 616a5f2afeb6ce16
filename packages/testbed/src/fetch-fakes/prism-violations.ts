/** One finding of Prism's validation, as it reports it in the `sl-violations` header. */
export interface PrismViolation {
  location: string[];
  message: string;
}

/**
 * The violations Prism found in the request (not in its own example
 * response), from its `sl-violations` header. Prism truncates a long header
 * ("Too many violations! [..."), so when the JSON does not parse, the request
 * entries are picked out of the text.
 */
export function requestViolations(header: string | null): PrismViolation[] {
  if (!header) return [];
  let found: PrismViolation[];
  try {
    found = JSON.parse(header) as PrismViolation[];
  } catch {
    found = (header.match(/\{"location":\["request"[^}]*\}/g) ?? []).map(parsedOrRaw);
  }
  return found.filter((violation) => violation.location?.[0] === 'request');
}

function parsedOrRaw(entry: string): PrismViolation {
  try {
    return JSON.parse(entry) as PrismViolation;
  } catch {
    return { location: ['request'], message: entry };
  }
}
