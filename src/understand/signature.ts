// The sign-off and the signature under it. They hold the sender's name and organisation, and also the
// text that must never decide intent: job titles, addresses, "afmelden voor deze nieuwsbrief" footers.
import { looksLikeName } from './names.ts';

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
      '(kind|best|warm|warmest|many) regards',
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

export function splitSignature(own: string): SignatureSplit {
  const lines = own.split('\n');
  // Counted down as we go, so the check below stays linear however many sign-off-like lines there are.
  let nonEmptyAfter = lines.filter((l) => l.trim()).length;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t) nonEmptyAfter--;
    if (t === '--' || t === '-- ' || lines[i] === '-- ') {
      return { body: lines.slice(0, i).join('\n').trimEnd(), signature: lines.slice(i + 1).join('\n').trim(), nameOnClosing: null };
    }
    if (isClosingLine(t) && nonEmptyAfter <= MAX_SIGNATURE_LINES) {
      return {
        body: lines.slice(0, i).join('\n').trimEnd(),
        signature: lines.slice(i).join('\n').trim(),
        nameOnClosing: nameAfterClosing(t),
      };
    }
  }
  return nameBlockAtEnd(lines) ?? { body: own, signature: '', nameOnClosing: null };
}

const REQUEST_WORD = /aanmeld|afmeld|inschrijv|uitschrijv|annule|regist|cancel|graag|\bkom|attend|sign|bedankt|dank|thank/i;

/** Lines a signature without sign-off may have under the name (function, organisation, phone). */
const MAX_UNSIGNED_SIGNATURE_LINES = 4;

/**
 * No sign-off, but the mail ends in a name ("Graag aanmelden.\n\nJohan de Vries\nGemeente X"): that
 * block is the signature.
 */
function nameBlockAtEnd(lines: string[]): SignatureSplit | null {
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  for (let i = end - 1; i >= 1 && end - i <= MAX_UNSIGNED_SIGNATURE_LINES; i--) {
    if (!lines[i]!.trim()) continue;
    const blankAbove = !lines[i - 1]!.trim() || /[.!?:]$/.test(lines[i - 1]!.trim());
    const candidate = lines[i]!.trim();
    // A full name ("Johan de Vries"), never a capitalised request ("Graag Aanmelden", "Afmelden").
    const fullName = /\s/.test(candidate) && !REQUEST_WORD.test(candidate) && looksLikeName(candidate);
    if (blankAbove && fullName) {
      return { body: lines.slice(0, i).join('\n').trimEnd(), signature: lines.slice(i).join('\n').trim(), nameOnClosing: null };
    }
  }
  return null;
}
