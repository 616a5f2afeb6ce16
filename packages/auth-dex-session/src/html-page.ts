/**
 * Just enough HTML reading for the login pages a script walks through: forms
 * with their fields, links, element ids and a short text summary. The pages
 * come from servers the flow does not trust yet, so the reading is done by
 * htmlparser2's streaming tokenizer (one pass, linear in the page's size,
 * whatever the markup) instead of regular expressions: a page of a million
 * unclosed `<a ` costs what any other page of that size costs. It follows the
 * HTML tokenizer's rules, so markup in comments, scripts and styles is text,
 * never a form or a link.
 */
import { Parser } from 'htmlparser2';

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

const SUMMARY_CHARACTERS = 300;
/** Elements whose text is not what the page says to a reader. */
const HIDDEN_TEXT = new Set(['script', 'style', 'head', 'template', 'noscript']);
/** Elements whose text summarizes an error page (Dex's and oauth2-proxy's templates use these). */
const SUMMARY_TEXT = new Set(['h1', 'h2', 'h3', 'p']);

/** Collects collapsed text up to a budget, so a huge page costs no more memory than a small one. */
class TextCollector {
  #text = '';
  #full = false;

  add(chunk: string): void {
    if (this.#full) return;
    this.#text += chunk.slice(0, SUMMARY_CHARACTERS * 4).replace(/\s+/g, ' ');
    // A little beyond the summary's length, so collapsing at the seams cannot make it short.
    if (this.#text.length > SUMMARY_CHARACTERS * 2) this.#full = true;
  }

  separate(): void {
    if (!this.#full && this.#text !== '' && !this.#text.endsWith(' ')) this.#text += ' ';
  }

  get text(): string {
    return this.#text.replace(/\s+/g, ' ').trim();
  }
}

export function parseHtml(html: string): HtmlPage {
  const forms: HtmlForm[] = [];
  const links: string[] = [];
  const ids = new Set<string>();
  const summaryText = new TextCollector();
  const allText = new TextCollector();
  let open: HtmlForm | undefined;
  let hiddenDepth = 0;
  let summaryDepth = 0;
  let templateDepth = 0;

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (HIDDEN_TEXT.has(tag)) hiddenDepth += 1;
        if (SUMMARY_TEXT.has(tag)) summaryDepth += 1;
        if (tag === 'template') templateDepth += 1;
        summaryText.separate();
        allText.separate();
        // A template's content is inert: browsers neither render nor submit it.
        if (templateDepth > 0) return;
        if (attributes.id) ids.add(attributes.id);
        if (tag === 'form') {
          // As in the HTML tree builder: a form start tag inside an open form is ignored.
          if (open) return;
          open = {
            method: (attributes.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
            action: attributes.action,
            fields: [],
          };
          forms.push(open);
        } else if (tag === 'input' && open) {
          // Browsers submit text and hidden fields, and a button only when it is the one pressed.
          const name = attributes.name;
          const type = (attributes.type ?? 'text').toLowerCase();
          if (name) open.fields.push({ name, value: attributes.value ?? '', type });
        } else if (tag === 'a' && attributes.href) {
          links.push(attributes.href);
        }
      },
      onclosetag(tag) {
        if (HIDDEN_TEXT.has(tag)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (SUMMARY_TEXT.has(tag)) summaryDepth = Math.max(0, summaryDepth - 1);
        if (tag === 'template') templateDepth = Math.max(0, templateDepth - 1);
        if (tag === 'form') open = undefined;
        summaryText.separate();
        allText.separate();
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        allText.add(text);
        if (summaryDepth > 0) summaryText.add(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const text = summaryText.text || allText.text;
  return {
    forms,
    links,
    ids,
    summary: text.length > SUMMARY_CHARACTERS ? `${text.slice(0, SUMMARY_CHARACTERS)}…` : text,
  };
}
