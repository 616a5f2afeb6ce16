import { invalidOption } from './invalid-option.js';

/** What `checkOptions` needs to know about an options object to explain a mistake in it. */
export interface OptionsShape {
  /** The package whose options these are, prefixed to messages; leave out for a client's options. */
  plugin?: string | undefined;
  /** What a correct call looks like, shown when `options` is not an object, e.g. `{ baseUrl: 'https://<host>/pipeline' }`. */
  example: string;
  /** Whether leaving the options out is allowed. Default false. */
  optional?: boolean | undefined;
}

/**
 * Checks that `options` is a plain options object whose keys are all known,
 * so a typo (`baseURL`, `usernam`) fails when the client or plugin is
 * created, with the key it probably meant, instead of being silently ignored.
 * Returns the options (an empty object when they may be left out and were).
 */
export function checkOptions<T extends object>(
  options: T | undefined,
  known: readonly string[],
  shape: OptionsShape,
): T {
  if (options === undefined && shape.optional) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const got =
      typeof options === 'string' ? 'a string' : Array.isArray(options) ? 'an array' : String(options);
    // A string here is the common mistake (`createClient('https://...')`); its value may be a secret, so it is not shown.
    throw invalidOption(
      `options must be an object such as ${shape.example}, got ${got}.` +
        (typeof options === 'string' ? ' Pass the value as a named option inside the object.' : ''),
      shape.plugin,
    );
  }
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    const described = unknown.map((key) => {
      const meant = closestKey(key, known);
      return meant ? `${key} (did you mean ${meant}?)` : key;
    });
    throw invalidOption(
      `unknown option${unknown.length > 1 ? 's' : ''} ${described.join(', ')}; the options are ${known.join(', ')}.`,
      shape.plugin,
    );
  }
  return options;
}

/** The known key `key` is most likely a typo of: same letters in another case, or at most two edits away. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit
 * (optimal string alignment), so `auht` is one step from `auth` as a typist
 * sees it, not two. Option names are short, so the quadratic table is tiny.
 */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
