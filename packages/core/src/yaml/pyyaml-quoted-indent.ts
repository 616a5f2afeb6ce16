// PyYAML writes a long quoted scalar in a block sequence with its continuation lines at the column
// of the `-` (kfp's compiler does this for the `sh -c` scripts it inlines, e.g. upstream's
// pipeline_with_secret_as_env.yaml), and reads them back. YAML 1.2 (section 6.3, line prefixes)
// wants them indented one column more, and the `yaml` package, which follows the spec, ends the
// scalar at the first such line. Inside a quoted scalar the leading white space of a continuation
// line is not content (it is folded away; PyYAML escapes a space it means as `\ ` or does not
// break the line there), so indenting those lines further changes no value: that is all this
// does, for the scalars the `yaml` package cut short, before a second reading.
import { CST, Parser } from 'yaml';

/** Where a quoted scalar ends: the offset of its closing quote, or -1 (as the `yaml` lexer reads it). */
function closingQuote(text: string, opening: number): number {
  const quote = text[opening] === "'" ? "'" : '"';
  let end = text.indexOf(quote, opening + 1);
  while (end !== -1) {
    if (quote === "'") {
      if (text[end + 1] !== "'") return end;
      end = text.indexOf(quote, end + 2);
      continue;
    }
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf(quote, end + 1);
  }
  return -1;
}

/** The offsets of the quoted scalars that the `yaml` lexer ended before their closing quote. */
function cutQuotedScalars(text: string): number[] {
  const offsets: number[] = [];
  const collect = (token: CST.Token | null | undefined) => {
    if (token?.type !== 'double-quoted-scalar' && token?.type !== 'single-quoted-scalar') return;
    const { source, offset } = token;
    if (source.length < 2 || closingQuote(text, offset) !== offset + source.length - 1) offsets.push(offset);
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    collect(token.value);
    CST.visit(token, (item) => {
      collect(item.key);
      collect(item.value);
    });
  }
  return offsets;
}

/** The text with the continuation lines of the quoted scalars at `offsets` indented past their opening quote. */
function indentScalars(text: string, offsets: number[]): string | undefined {
  let repaired = text;
  // From the last to the first, so that the offsets still to be repaired stay valid.
  for (const opening of offsets.sort((a, b) => b - a)) {
    const closing = closingQuote(repaired, opening);
    if (closing === -1) return undefined;
    const column = opening - (repaired.lastIndexOf('\n', opening) + 1);
    const body = repaired.slice(opening, closing).replaceAll('\n', `\n${' '.repeat(column + 1)}`);
    repaired = repaired.slice(0, opening) + body + repaired.slice(closing);
  }
  return repaired;
}

// A scalar cut short turns the lines after it into nonsense that can hide the next one, so the
// repair runs again on its own output; these bound the work a hostile text can cause.
const MAX_ROUNDS = 64;
const MAX_GROWTH = 2;

/**
 * The text with the continuation lines of under-indented quoted scalars indented past their
 * opening quote, or `undefined` when there is no such scalar (the text's errors are elsewhere).
 */
export function indentPyyamlQuotedScalars(text: string): string | undefined {
  let repaired: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const current = repaired ?? text;
    const offsets = cutQuotedScalars(current);
    if (offsets.length === 0) return repaired;
    const next = indentScalars(current, offsets);
    if (next === undefined || next.length > MAX_GROWTH * text.length + 4096) return undefined;
    repaired = next;
  }
  return undefined;
}
