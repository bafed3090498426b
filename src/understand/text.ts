// Small text helpers shared by the readers of a mail: folding for matching, sentences, subjects.

/** Lower case without accents, typographic quotes made plain, spaces collapsed: what the rules match on. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’‚`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[ \t\u00a0]+/g, ' ');
}

export interface Sentence {
  /** folded text of the sentence, without its end mark */
  text: string;
  /** the sentence ended with a question mark */
  question: boolean;
  /** the sentence ended with an exclamation mark: "Wat fijn dat jullie dit organiseren!" opens like a question but is none */
  exclaimed?: boolean;
}

/** Longest sentence we look at; longer runs without a stop are cut into pieces of this size. */
const MAX_SENTENCE_CHARS = 600;

/** Words after which a full stop is an abbreviation, not the end of a sentence ("11 feb. a.s.", "dhr. Jansen"). */
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dec', 'dhr', 'mevr',
  'mw', 'mr', 'mrs', 'ms', 'ir', 'drs', 'dr', 'ing', 'prof', 'tel', 'nr', 'ca', 'bijv', 'evt', 'incl', 'excl',
  'vs', 'etc', 'o.a', 'a.s', 't.a.v', 'p.s', 'i.v.m', 'm.b.t', 'z.s.m', 'e.g', 'i.e', 'mob', 'st',
  // "Op 3 februari jl. heb ik mij aangemeld": "jongstleden", "aanstaande", "bijvoorbeeld", "namelijk".
  'jl', 'j.l', 'a.s', 'as', 'bv', 'nl', 'resp', 'ivm', 'mbt', 'tav', 'zgn', 'e.d', 'd.w.z', 'm.i', 'vz',
]);

function endsWithAbbreviation(text: string): boolean {
  const m = /([a-z.]+)$/.exec(text.slice(-8));
  if (!m) return false;
  const word = m[1]!.replace(/^\.+/, '');
  // Dotted letters ("a.u.b", "s.v.p", "z.s.m") are abbreviations whatever they stand for.
  return ABBREVIATIONS.has(word) || /^(?:[a-z]\.)+[a-z]$/.test(word);
}

function pushSentence(out: Sentence[], raw: string): void {
  let rest = raw.trim();
  while (rest.length > MAX_SENTENCE_CHARS) {
    out.push({ text: rest.slice(0, MAX_SENTENCE_CHARS), question: false });
    rest = rest.slice(MAX_SENTENCE_CHARS);
  }
  const question = /\?[\s!?.)"']*$/.test(rest);
  const exclaimed = !question && /![\s.)"']*$/.test(rest);
  const text = rest.replace(/[.!?\s"')]+$/, '').replace(/^["'(\s-]+/, '').trim();
  if (text) out.push({ text, question, exclaimed });
}

/** An emoji with its modifiers; phone mail uses one where a full stop would be ("Ik kom graag 🙋 Zet je me erop?"). */
const EMOJI_THEN_SPACE = /(\p{Extended_Pictographic}(?:[\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}\u2640\u2642]|\p{Extended_Pictographic})*)[ \t]+/gu;

/** Plain-text clients wrap at 72-78 characters; a line this long that ends without a stop was wrapped. */
const WRAPPED_LINE_CHARS = 50;
// Only the line's tail is tested: on a 1 MB line without spaces the pattern would otherwise backtrack
// from every position. An address or URL is never longer than this.
const ADDRESS_TAIL_CHARS = 512;
const ENDS_WITH_ADDRESS = /(?:^|\s)(?:[^\s@]+@[^\s@]+\.[a-z]{2,}|https?:\/\/\S+)$/;
/** Words no sentence ends on: a line ending in one continues on the next (even after a blank line). */
const DANGLING_WORD = /\b(?:de|het|een|aan|van|voor|op|met|te|om|in|bij|naar|en|of|dat|die|mijn|je|jullie|u|the|a|an|to|of|for|and|with|my|your|kunnen|kunt|willen|wilt|can|could|would)$/;
const LIST_ITEM = /^\s*(?:[-*•>]|\d+[.)]|[a-z][\w ]{0,30}:)/;

/** Hard-wrapped lines joined again: "…van de vorige sessie). Kunnen\njullie hem afmelden?" is one question. */
function unwrap(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    for (;;) {
      const t = line.trimEnd();
      // A line that ends in an address ("Haar mail: annet@…") ends its sentence, however long it is.
      if (!t || /[.!?:;,]$/.test(t) || ENDS_WITH_ADDRESS.test(t.slice(-ADDRESS_TAIL_CHARS))) break;
      let next = i + 1;
      const dangling = DANGLING_WORD.test(t);
      if (dangling && next < lines.length && !lines[next]!.trim()) next++;
      if (next >= lines.length || !lines[next]!.trim() || LIST_ITEM.test(lines[next]!)) break;
      if (!dangling && t.length < WRAPPED_LINE_CHARS) break;
      line = `${t} ${lines[next]!.trim()}`;
      i = next;
    }
    out.push(line);
  }
  return out;
}

/**
 * Sentences of folded text. Lines count as boundaries too: mail is written in short lines, lists and
 * one-line requests ("Afmelden"), and a line break rarely sits inside a sentence we need whole.
 */
export function sentences(foldedText: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of unwrap(foldedText).join('\n').replace(EMOJI_THEN_SPACE, '$1\n').split('\n')) {
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c !== '.' && c !== '!' && c !== '?') continue;
      let end = i + 1;
      while (end < line.length && '.!?'.includes(line[end]!)) end++;
      const atBoundary = end >= line.length || /\s/.test(line[end]!);
      if (!atBoundary) continue;
      if (c === '.' && end === i + 1 && endsWithAbbreviation(line.slice(start, i))) continue;
      pushSentence(out, line.slice(start, end));
      start = end;
      i = end - 1;
    }
    if (start < line.length) pushSentence(out, line.slice(start));
  }
  return out;
}

/** Reply and forward prefixes in the languages our senders use. */
const SUBJECT_PREFIX = /^\s*((re|antw|aw|sv|vs|fwd?|fw|doorst|wg|tr|rv)\s*(\[\d+\])?\s*:\s*)+/i;

export function isReplySubject(subject: string): boolean {
  return /^\s*(re|antw|aw|sv|vs)\s*(\[\d+\])?\s*:/i.test(subject);
}

export function isForwardSubject(subject: string): boolean {
  return /^\s*((re|antw|aw)\s*:\s*)*(fwd?|fw|doorst|wg|tr|rv)\s*:/i.test(subject);
}

export function bareSubject(subject: string): string {
  return subject.replace(SUBJECT_PREFIX, '').trim();
}

const EMAIL = /[a-z0-9][a-z0-9._%+'-]{0,63}@[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,24}/gi;

/** E-mail addresses in text, lower-cased, in order, without duplicates. */
export function emailsIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(EMAIL)) seen.add(m[0].toLowerCase().replace(/\.+$/, ''));
  return [...seen];
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
