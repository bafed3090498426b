// Dutch or English, from the person's own words. Counting common function words is enough for mail this
// short, and unlike n-gram models it is not thrown by Dutch names and place names in English mail.
import type { Language } from '../core/types.ts';
import { fold } from './text.ts';

/** Words frequent in one language and rare in the other (words both share, like "in", "we", "me", are left out). */
const DUTCH = new Set([
  'de', 'het', 'een', 'ik', 'je', 'jij', 'u', 'wij', 'mij', 'mijn', 'ons', 'onze', 'zijn', 'ben', 'bent', 'en',
  'van', 'voor', 'met', 'niet', 'geen', 'graag', 'wil', 'wilt', 'willen', 'kan', 'kun', 'kunt', 'kunnen', 'op',
  'aan', 'dat', 'die', 'dit', 'deze', 'er', 'ook', 'maar', 'om', 'te', 'naar', 'bij', 'heb', 'hebben', 'heeft',
  'hallo', 'hoi', 'beste', 'groet', 'groeten', 'bedankt', 'dank', 'hierbij', 'helaas', 'komen', 'kom', 'nog',
  'wel', 'als', 'wat', 'hoe', 'waar', 'wanneer', 'zou', 'moet', 'mag', 'over', 'uit', 'ze', 'zij', 'hij', 'wordt',
  'worden', 'was', 'waren', 'dan', 'toch', 'alvast', 'vriendelijke', 'collega', 'aanmelden', 'afmelden', 'sessie',
  'kennissessie', 'februari', 'maart', 'januari', 'mee', 'even', 'daar', 'hier', 'zo', 'al', 'meer',
]);

const ENGLISH = new Set([
  'the', 'a', 'an', 'i', 'you', 'my', 'our', 'your', 'are', 'am', 'and', 'for', 'with', 'not', 'no', 'would',
  'like', 'can', 'could', 'to', 'at', 'that', 'this', 'there', 'also', 'but', 'be', 'have', 'has', 'hello',
  'dear', 'regards', 'thanks', 'thank', 'please', 'unfortunately', 'come', 'will', 'if', 'what', 'how', 'where',
  'when', 'should', 'must', 'may', 'about', 'from', 'they', 'he', 'she', 'it', 'was', 'were', 'then', 'still',
  'colleague', 'register', 'cancel', 'session', 'attend', 'join', 'us', 'do',
  'does', 'on', 'just', 'all', 'more', 'sign', 'up', "i'm", "i'd", "can't", 'cannot', 'won\'t', 'forward',
  'count', 'see', 'great', 'sounds', 'good', 'looking', 'yes', 'sure', 'sorry', 'cheers', 'make', 'it',
  'registration', 'attending', 'unable', 'after', 'which', 'why', 'who', 'been', 'any', 'some',
]);

/** English needs this many recognised words, unless the text has no Dutch word at all ("Count me in!"). */
const MIN_WORDS_FOR_ENGLISH = 2;
/** A paragraph with this many recognised words is enough to decide on its own. */
const MIN_WORDS_PER_PARAGRAPH = 5;

function count(text: string): { nl: number; en: number } {
  let nl = 0;
  let en = 0;
  for (const word of fold(text).match(/[a-z']+/g) ?? []) {
    if (DUTCH.has(word)) nl++;
    if (ENGLISH.has(word)) en++;
  }
  return { nl, en };
}

function verdict({ nl, en }: { nl: number; en: number }): Language {
  return en > nl && (en >= MIN_WORDS_FOR_ENGLISH || nl === 0) ? 'en' : 'nl';
}

/**
 * The language of the first paragraph that says enough: bilingual mail puts its main language first
 * ("Ik ben afwezig … / I am out of office …"), and a greeting alone ("Hi Marieke,") decides nothing.
 */
export function detectLanguage(text: string): Language {
  const total = { nl: 0, en: 0 };
  for (const paragraph of text.split(/\n\s*\n/)) {
    const c = count(paragraph);
    if (c.nl + c.en >= MIN_WORDS_PER_PARAGRAPH && Math.max(c.nl, c.en) >= 2 * Math.min(c.nl, c.en)) return verdict(c);
    total.nl += c.nl;
    total.en += c.en;
  }
  return verdict(total);
}

/** The client's own prefix on an empty calendar answer or receipt ("Tentative: Kennissessie 4"): its language is the machine's. */
const ENGLISH_CLIENT_PREFIX = /^\s*(?:accepted|tentative|tentatively accepted|declined|automatic reply|auto(?:matic)?[- ]?reply|out of (?:the )?office|undeliverable|read|not read|delivered)\s*:/i;
const DUTCH_CLIENT_PREFIX = /^\s*(?:geaccepteerd|voorlopig geaccepteerd|afgewezen|automatisch antwoord|onbestelbaar|gelezen|niet gelezen|bezorgd)\s*:/i;

/**
 * Receipts and calendar answers are written by the client in its own language ("Read:", "Gelezen:",
 * "Accepted:"); an out-of-office prefix is not, as the person writes its text.
 */
const ENGLISH_RECEIPT_PREFIX = /^\s*(?:accepted|tentative|tentatively accepted|declined|read|not read|delivered|undeliverable)\s*:/i;
const DUTCH_RECEIPT_PREFIX = /^\s*(?:geaccepteerd|voorlopig geaccepteerd|afgewezen|gelezen|niet gelezen|bezorgd|onbestelbaar)\s*:/i;

/** The language of a receipt's or calendar answer's client prefix, or null when it has none. */
export function clientPrefixLanguage(subject: string): Language | null {
  if (ENGLISH_RECEIPT_PREFIX.test(subject)) return 'en';
  if (DUTCH_RECEIPT_PREFIX.test(subject)) return 'nl';
  return null;
}

/** Language of a mail with no own words: the client's subject prefix, else the subject's words. */
export function subjectLanguage(subject: string): Language {
  if (ENGLISH_CLIENT_PREFIX.test(subject)) return 'en';
  if (DUTCH_CLIENT_PREFIX.test(subject)) return 'nl';
  return detectLanguage(subject);
}
