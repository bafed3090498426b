// The sign-off and the signature under it. They hold the sender's name and organisation, and also the
// text that must never decide intent: job titles, addresses, "afmelden voor deze nieuwsbrief" footers.
import { cleanDisplayName, looksLikeName } from './names.ts';

/** A signature is short; a "closing" with a long text under it was a sentence, not a sign-off. */
const MAX_SIGNATURE_LINES = 25;
const MAX_CLOSING_LINE_CHARS = 60;

/** Sign-offs (ASCII, matched case-insensitively at the start of a line). */
const CLOSING = new RegExp(
  '^(' +
    [
      '(met )?(een )?(vriendelijke|hartelijke|warme|zonnige|duurzame|energieke|goede|fijne|beste|lieve|collegiale) ?(groet|groeten|groetjes)( terug)?',
      'met (vriendelijke |hartelijke )?groet(en)?',
      'groet(en|jes)?',
      'gr(t|oet)?\\.?',
      'vr(\\.|iendelijke)? ?gr(\\.|oet)?',
      'm\\.?v\\.?g\\.?',
      'hgr',
      '(with )?(kind|best|warm|warmest|many) regards',
      // Formal Dutch: "Hoogachtend," / "Met de meeste hoogachting,".
      'hoogachtend', 'met (de meeste )?hoogachting',
      'regards',
      'best( wishes)?',
      'all the best',
      'cheers',
      '(yours )?sincerely',
      'kr',
      'br',
      'thanks (and|&) (best )?regards',
      '(hartelijk )?(dank|bedankt) en (een )?(vriendelijke )?groet(en)?',
      'tot (dan|ziens|snel)',
    ].join('|') +
    ')',
  'i',
);

/**
 * A thank-you on its own line ("Thanks a lot,", "Alvast bedankt!") ends the message when a name follows
 * it. Without a name under it, it is what the person says ("Bedankt!" above our confirmation).
 */
const THANKS_LINE =
  /^(?:(?:many |much )?thanks(?: a lot| so much| very much| again| in advance)?|thank you(?: very much| so much| in advance)?|(?:alvast |nogmaals )?(?:hartelijk |heel erg |veel )?(?:dank|bedankt)(?: je| u| jullie)?(?: wel)?(?: alvast)?|dankjewel|dankuwel)[\s,.!]*$/i;

function nextText(lines: string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return lines[j]!.trim();
  return '';
}

/** What may follow a sign-off on its own line: punctuation, ", anything", or a capitalised name. */
const AFTER_CLOSING = /^([\s,.!:;-]*|,.*|[.,!]?\s+\p{Lu}[\p{L}.'-]*(\s+\p{L}[\p{L}.'-]*){0,3}[.!]?)$/u;

export function isClosingLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > MAX_CLOSING_LINE_CHARS) return false;
  const m = CLOSING.exec(t);
  return !!m && AFTER_CLOSING.test(t.slice(m[0].length));
}

/** A name written on the sign-off line itself ("Groet, Jan" or "Mvg Jan"). */
function nameAfterClosing(line: string): string | null {
  const m = CLOSING.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length).replace(/^[\s,.!:;-]+/, '').replace(/[.!]+$/, '').trim();
  return rest && /^\p{Lu}/u.test(rest) ? rest : null;
}

export interface SignatureSplit {
  /** the message without sign-off and signature */
  body: string;
  /** the sign-off line and what follows it ('' when none was found) */
  signature: string;
  /** a name written on the sign-off line itself ("Groet, Jan") */
  nameOnClosing: string | null;
}

/** "P.S. Bijna vergeten: wil je me inplannen voor 8 april?" under the signature is the person's own words. */
const POSTSCRIPT = /^(?:p\.\s?s\.?|ps\b[.:]?|pps\b[.:]?|p\.p\.s\.?)\s*[:,-]?\s*/i;

/** Moves a postscript found in the signature back to the words, without its "P.S." marker. */
function withPostscript(split: SignatureSplit): SignatureSplit {
  const lines = split.signature.split('\n');
  const at = lines.findIndex((l) => POSTSCRIPT.test(l.trim()));
  if (at < 0) return split;
  const postscript = lines.slice(at).join('\n').trim().replace(POSTSCRIPT, '');
  return { ...split, body: `${split.body}\n\n${postscript}`.trim(), signature: lines.slice(0, at).join('\n').trim() };
}

/**
 * Paragraphs a mail server or client appends: confidentiality and liability notices. Their "indien u dit
 * bericht ten onrechte ontvangt" is no condition of the person's, so they never count as own words.
 */
const DISCLAIMER = /\b(?:uitsluitend bestemd|(?:alleen|enkel) bestemd voor|bestemd voor de geadresseerde|niet voor u bestemd|ten onrechte (?:ontvangt|ontvangen)|onjuist geadresseerd|geen rechten (?:worden |kunnen worden )?ontleend|aansprakelijkheid|intended (?:solely |only |exclusively )?for the (?:use of the )?(?:addressee|recipient|individual|person)|intended recipient|received this (?:e-?mail|message|communication) in error|(?:confidential|privileged) (?:information|and (?:may be )?(?:privileged|confidential))|no rights can be derived|disclaimer)\b/i;

function withoutDisclaimers(split: SignatureSplit): SignatureSplit {
  const paragraphs = split.body.split(/\n\s*\n/);
  const notices = paragraphs.filter((p) => DISCLAIMER.test(p));
  if (!notices.length || notices.length === paragraphs.length) return split;
  return {
    ...split,
    body: paragraphs.filter((p) => !DISCLAIMER.test(p)).join('\n\n').trim(),
    signature: [split.signature, ...notices].filter((p) => p.trim()).join('\n\n'),
  };
}

/** `senderName`: the From display name, which picks the name line of a signature without sign-off. */
export function splitSignature(own: string, senderName: string | null = null): SignatureSplit {
  return withoutDisclaimers(withPostscript(findSignature(own, senderName)));
}

function findSignature(own: string, senderName: string | null): SignatureSplit {
  const lines = own.split('\n');
  // Counted down as we go, so the check below stays linear however many sign-off-like lines there are.
  let nonEmptyAfter = lines.filter((l) => l.trim()).length;
  let textAbove = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t) nonEmptyAfter--;
    const thanksSignOff = textAbove && THANKS_LINE.test(t) && looksLikeName(nextText(lines, i));
    if (t) textAbove = true;
    if (t === '--' || t === '-- ' || lines[i] === '-- ') {
      return { body: lines.slice(0, i).join('\n').trimEnd(), signature: lines.slice(i + 1).join('\n').trim(), nameOnClosing: null };
    }
    if ((isClosingLine(t) || thanksSignOff) && nonEmptyAfter <= MAX_SIGNATURE_LINES) {
      return {
        body: lines.slice(0, i).join('\n').trimEnd(),
        signature: lines.slice(i).join('\n').trim(),
        nameOnClosing: nameAfterClosing(t),
      };
    }
  }
  return nameBlockAtEnd(lines, senderName) ?? { body: own, signature: '', nameOnClosing: null };
}

const REQUEST_WORD = /aanmeld|afmeld|inschrijv|uitschrijv|annule|regist|cancel|graag|\bkom|attend|sign|bedankt|dank|thank/i;

/** Lines a signature without sign-off may have under the name (function, organisation, phone), blank lines not counted. */
const MAX_UNSIGNED_SIGNATURE_LINES = 4;
/** Longer lines under a name are sentences, so the name was not a signature. */
const MAX_UNSIGNED_SIGNATURE_LINE_CHARS = 60;

/** A line that can stand under a name in a signature: short, and no request or thanks in it. */
function signatureLike(line: string): boolean {
  const t = line.trim();
  return !t || (t.length <= MAX_UNSIGNED_SIGNATURE_LINE_CHARS && !REQUEST_WORD.test(t) && !t.endsWith('?'));
}

/**
 * No sign-off, but the mail ends in a name ("Graag aanmelden.\n\nJohan de Vries\nGemeente X"): that
 * block is the signature.
 */
function nameBlockAtEnd(lines: string[], senderName: string | null): SignatureSplit | null {
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  // Blank lines between name, function and organisation are common ("Jan\n\nAdviseur\n\nGemeente X").
  let textLines = 0;
  // The lowest name-like line is the name, unless a line above it is the sender's own name: then the lower
  // one ("Warmtenet Oost" under "Lisa Meijer") is the organisation.
  const sender = (cleanDisplayName(senderName) ?? '').toLowerCase();
  let nameAt = -1;
  for (let i = end - 1; i >= 1 && textLines < MAX_UNSIGNED_SIGNATURE_LINES; i--) {
    if (!lines[i]!.trim()) continue;
    textLines++;
    if (!signatureLike(lines[i]!)) break;
    const blankAbove = !lines[i - 1]!.trim() || /[.!?:]$/.test(lines[i - 1]!.trim());
    const candidate = lines[i]!.trim();
    // A full name ("Johan de Vries"), never a capitalised request ("Graag Aanmelden", "Afmelden").
    const fullName = /\s/.test(candidate) && !REQUEST_WORD.test(candidate) && looksLikeName(candidate);
    if (blankAbove && fullName && (nameAt < 0 || candidate.toLowerCase() === sender)) nameAt = i;
  }
  if (nameAt < 0) return null;
  return { body: lines.slice(0, nameAt).join('\n').trimEnd(), signature: lines.slice(nameAt).join('\n').trim(), nameOnClosing: null };
}

/** Signature lines: the name line, then what is written under it. */
export function signatureLayout(signature: string, nameOnClosing: string | null): { name: string | null; under: string[] } {
  const lines = signature.split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => l);
  if (first < 0) return { name: null, under: [] };
  // The first line is the sign-off ("Met vriendelijke groet,") unless the signature starts with the name.
  const startsWithName = looksLikeName(lines[first]!);
  if (nameOnClosing || startsWithName) return fullerNameBelow(nameOnClosing ?? lines[first]!, lines, first + 1);
  const nameAt = lines.findIndex((l, i) => i > first && l);
  if (nameAt < 0) return { name: null, under: [] };
  return looksLikeName(lines[nameAt]!) ? fullerNameBelow(lines[nameAt]!, lines, nameAt + 1) : { name: null, under: lines.slice(nameAt + 1) };
}

/** "Floor" signed, then the full "Floor Dijksterhuis" above the organisation: the full name is not the organisation. */
function fullerNameBelow(name: string, lines: string[], from: number): { name: string; under: string[] } {
  const next = lines.findIndex((l, i) => i >= from && l);
  const line = next >= 0 ? lines[next]! : '';
  const fuller = !/\s/.test(name.trim()) && line.startsWith(`${name.trim()} `) && looksLikeName(line);
  return fuller ? { name: line, under: lines.slice(next + 1) } : { name, under: lines.slice(from) };
}
