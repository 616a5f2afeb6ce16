/**
 * Just enough HTML reading for the login pages a script walks through: forms
 * with their fields, links, element ids and a short text summary. The pages
 * come from Go's html/template (Dex, oauth2-proxy), which quotes attributes
 * and escapes `&` in URLs; a tolerant tokenizer is enough, a DOM is not needed.
 */

export interface HtmlField {
  name: string;
  value: string;
  type: string;
}

export interface HtmlForm {
  method: 'GET' | 'POST';
  /** The raw `action` attribute, entities decoded; undefined when absent (the form posts to its page). */
  action: string | undefined;
  fields: HtmlField[];
}

export interface HtmlPage {
  forms: HtmlForm[];
  /** `href` of every `<a>`, entities decoded. */
  links: string[];
  ids: Set<string>;
  /** Headings and paragraphs, or else all text, whitespace collapsed (for error messages). */
  summary: string;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function parseHtml(html: string): HtmlPage {
  const forms: HtmlForm[] = [];
  const links: string[] = [];
  const ids = new Set<string>();
  let open: HtmlForm | undefined;
  for (const match of html.matchAll(TAG)) {
    const closing = match[1] === '/';
    const tag = (match[2] ?? '').toLowerCase();
    const attributes = parseAttributes(match[3] ?? '');
    const id = attributes.get('id');
    if (id) ids.add(id);
    if (tag === 'form') {
      if (closing) {
        open = undefined;
        continue;
      }
      open = {
        method: (attributes.get('method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
        action: attributes.get('action'),
        fields: [],
      };
      forms.push(open);
    } else if ((tag === 'input' || tag === 'button') && !closing && open) {
      const name = attributes.get('name');
      const type = (attributes.get('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
      // Browsers submit text and hidden fields, and a button only when it is the one pressed.
      if (name && tag === 'input') open.fields.push({ name, value: attributes.get('value') ?? '', type });
    } else if (tag === 'a' && !closing) {
      const href = attributes.get('href');
      if (href) links.push(href);
    }
  }
  return { forms, links, ids, summary: summarize(html) };
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function summarize(html: string): string {
  const body = html.replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ');
  const parts = [...body.matchAll(/<(h1|h2|h3|p)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((match) =>
    textOf(match[2] ?? ''),
  );
  const text = parts.filter(Boolean).join(' ') || textOf(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
