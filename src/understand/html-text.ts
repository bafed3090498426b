// HTML to plain text, good enough to read what a person wrote. Hand-rolled and single-pass: a regex like
// /<[^>]*>/g rescans to the end of the input for every unclosed '<' and turns hostile HTML quadratic.

/** Elements whose content is never shown to the reader. */
const HIDDEN_ELEMENTS = ['head', 'style', 'script', 'title', 'xml', 'noscript', 'template'];

/** Elements that start a new line in the rendered mail. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tbody', 'thead', 'tfoot', 'blockquote',
  'hr', 'pre', 'center', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address',
  'body', 'html', 'form', 'fieldset', 'figure', 'main', 'nav', 'aside',
]);

/** Table cells sit side by side: a space keeps "Naam:" and "Jan" on one line. */
const INLINE_SEPARATOR_ELEMENTS = new Set(['td', 'th']);

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", shy: '', zwnj: '', zwj: '',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä',
  iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö',
  uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', ccedil: 'ç', ntilde: 'ñ', szlig: 'ß', oslash: 'ø',
  Eacute: 'É', Egrave: 'È', Euml: 'Ë', Aacute: 'Á', Auml: 'Ä', Iuml: 'Ï', Ouml: 'Ö', Uuml: 'Ü', Ccedil: 'Ç',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„',
  hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', deg: '°', laquo: '«',
  raquo: '»', times: '×', para: '¶', sect: '§', ensp: ' ', emsp: ' ', thinsp: ' ',
};

/** Longest entity name we look up; anything longer after '&' is literal text. */
const MAX_ENTITY_CHARS = 10;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,10});?/gi, (whole, body: string) => {
    if (body.length > MAX_ENTITY_CHARS) return whole;
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return whole;
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function tagName(tag: string): { name: string; closing: boolean } {
  let i = 1;
  const closing = tag[i] === '/';
  if (closing) i++;
  let j = i;
  while (j < tag.length && /[A-Za-z0-9:_-]/.test(tag[j]!)) j++;
  return { name: tag.slice(i, j).toLowerCase(), closing };
}

/** Index just past the end of a hidden element starting at `from`, or -1 when the element is not hidden. */
function skipHidden(html: string, lower: string, from: number, name: string): number {
  if (!HIDDEN_ELEMENTS.includes(name)) return -1;
  const close = lower.indexOf(`</${name}`, from);
  if (close < 0) return html.length;
  const end = lower.indexOf('>', close);
  return end < 0 ? html.length : end + 1;
}

/** Collapse runs of spaces inside lines and runs of blank lines, and trim every line. */
export function tidyText(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let blank = 0;
  for (const raw of lines) {
    const line = raw.replace(/[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
    if (!line) {
      blank++;
      if (blank === 1 && out.length > 0) out.push('');
      continue;
    }
    blank = 0;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Default cap on the text produced: a person's words fit many times over, and work stays bounded. */
const DEFAULT_MAX_TEXT_CHARS = 128 * 1024;

/**
 * Plain text of an HTML fragment: hidden parts dropped, blocks on their own lines, entities decoded.
 * Conversion stops once about `maxChars` of text are produced.
 */
export function htmlToText(html: string, maxChars = DEFAULT_MAX_TEXT_CHARS): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let produced = 0;
  let preDepth = 0;
  let i = 0;
  while (i < html.length && produced < maxChars) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) {
      const chunk = html.slice(i, Math.min(textEnd, i + maxChars));
      parts.push(preDepth > 0 ? chunk : chunk.replace(/\s+/g, ' '));
      produced += chunk.length;
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      parts.push(html.slice(lt, lt + maxChars).replace(/\s+/g, ' '));
      break;
    }
    const tag = html.slice(lt, gt + 1);
    const { name, closing } = tagName(tag);
    i = gt + 1;
    if (!name) {
      // "<" followed by something that is no tag (e.g. "a < b" or "<!DOCTYPE"): only keep the former.
      if (!/^<[!?]/.test(tag)) {
        parts.push(tag.slice(0, maxChars).replace(/\s+/g, ' '));
        produced += tag.length;
      }
      continue;
    }
    if (!closing) {
      const hiddenEnd = skipHidden(html, lower, gt + 1, name);
      if (hiddenEnd >= 0) {
        i = hiddenEnd;
        continue;
      }
    }
    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (BLOCK_ELEMENTS.has(name)) parts.push('\n');
    else if (INLINE_SEPARATOR_ELEMENTS.has(name)) parts.push(' ');
  }
  return tidyText(decodeEntities(parts.join('')));
}
