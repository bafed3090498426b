// What the person asks, read sentence by sentence from their own words. A request counts only when it is
// stated: questions, doubts, conditions and negations about signing up or cancelling go to people.
import {
  ANYONE_ELSE, CANCEL, CONDITION, ERASURE, FOOTER_NOISE, HARMLESS_QUESTION, HARMLESS_SIGNUP_CONDITION, HEDGE,
  MAILING_UNSUBSCRIBE, NEGATION, NOT_COMING, NOT_ME_BUT, REQUEST_QUESTION, SIGNUP, SIGNUP_NOUNS, SUBSTITUTION,
} from './intent-phrases.ts';
import { type Sentence, sentences } from './text.ts';

export type Reading = 'signup' | 'cancel' | 'other';

export interface IntentReading {
  intent: Reading;
  /** short reason for logs: 'signup', 'cancel', 'question', 'mixed', 'uncertain-cancel', … */
  reason: string;
  erasure: boolean;
  /** sentences that ask to sign up (folded), for finding who is meant */
  signupSentences: string[];
  cancelSentences: string[];
}

/** Questions that do not start with a question word end with "?"; these start like one. */
const QUESTION_START =
  /^(?:hoe|waar|wanneer|wat|wie|waarom|welke|hoeveel|hoelang|how|where|when|what|who|why|which)\b|^(?:kan|kun|mag|moet|zal|heb|ben|is|zijn|komt|gaat|wordt|weet|weten|hoef|kunnen|mogen|moeten|hebben|klopt)\s+(?:ik|je|jij|u|we|wij|jullie|er|het|dit|dat|deze|die|men|mijn|onze|het)\b|^(?:can|could|may|should|do|does|did|is|are|am|have|has)\s+(?:i|we|you|it|there|this|that|my|our|he|she|they)\b/;
/** Statements that ask for information ("ik wil graag weten", "I was wondering"). */
const INFO_REQUEST = /\b(?:wil|willen|zou|zouden|graag)\b[^.?!]{0,25}\b(?:weten|vragen|informeren)\b|\bvraag me af\b|\bik vroeg me af\b|\b(?:i was wondering|i wonder|i'd like to know|would like to know|want to know|let me know)\b|\bvraagje\b|\b(?:ik|wij) heb(?:ben)? (?:een |nog een )?vra(?:ag|gen)\b/;
/** A request phrased as a question that still asks for information ("Kunt u mij laten weten …"). */
const INFO_VERB = /\b(?:vertellen|laten weten|uitleggen|informeren|sturen|tell|explain|send|let me know|inform)\b/;
/** Text of our own mails that a badly quoting client leaves unmarked ("Antwoord dan met 'afmelden'"). */
const OUR_TEMPLATE_ECHO = /\bantwoord\b[^.?!]{0,40}\bmet '(?:afmelden|ja)'|\breply\b[^.?!]{0,40}\bwith '(?:cancel|yes)'|\bkun je toch niet komen\b|\bcan'?t make it after all\b/;
/** Phrases that sound negative but are eager ("ik kan niet wachten"). */
const EAGER = /\b(?:niet wachten|can'?t wait|cannot wait)\b/;

/** Start of the clause that holds position `at`: negations in other clauses do not count. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 60), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' maar '), before.lastIndexOf(' but '), before.lastIndexOf(' en '));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

const NEGATED_AFTER = /^[^,.;]{0,20}\b(?:hoeft|hoef|hoeven) (?:niet|geen)\b|^[^,.;]{0,20}\b(?:niet nodig|not necessary|no need)\b/;

function statedMatch(patterns: RegExp[], text: string): boolean {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const negated = NEGATION.test(clauseBefore(text, m.index)) || NEGATION.test(m[0]) || NEGATED_AFTER.test(text.slice(m.index + m[0].length));
    if (!negated) return true;
  }
  return false;
}

/** A verb of leaving a mailing list, said by the person about themself. */
const UNSUBSCRIBE_VERB = /\b(?:afmelden|af te melden|uitschrijven|uit te schrijven|af|verwijder\w*|remove|unsubscribe|stop\w*|niet meer ontvangen)\b/;
const FIRST_PERSON = /\b(?:mij|me|ik|ons|my|i|us)\b/;

/** "Haal mij van jullie mailinglijst af": the mailing list itself is what they leave (one clause). */
function leavesMailingList(sentence: string): boolean {
  return clauses(sentence).some((c) => MAILING_UNSUBSCRIBE.test(c) && UNSUBSCRIBE_VERB.test(c) && FIRST_PERSON.test(c));
}

/** Clauses of a sentence: a cancel phrase in one clause does not claim a signup noun in another. */
function clauses(text: string): string[] {
  return text.split(/[,;]\s*|\s+(?:maar|but|en daarnaast|daarnaast|and also)\s+/);
}

interface SentenceReading {
  signup: boolean;
  cancel: boolean;
  /** asks something a person must answer */
  question: boolean;
  /** mentions signing up or cancelling without stating it (question, doubt, condition) */
  uncertainSignup: boolean;
  uncertainCancel: boolean;
  /** asks to be taken off a mailing list */
  unsubscribe: boolean;
  /** "ik kan zelf niet (komen)": a cancel, unless the mail registers someone else instead */
  notMe: boolean;
}

function readSentence(s: Sentence): SentenceReading | null {
  if (leavesMailingList(s.text)) {
    return { signup: false, cancel: false, question: false, uncertainSignup: false, uncertainCancel: false, unsubscribe: true, notMe: false };
  }
  if (OUR_TEMPLATE_ECHO.test(s.text)) return null;
  // Footer and disclaimer clauses ("afmelden voor onze nieuwsbrief") say nothing about the event.
  const t = FOOTER_NOISE.test(s.text) ? clauses(s.text).filter((c) => !FOOTER_NOISE.test(c)).join(', ') : s.text;
  if (!t.trim()) return null;
  const request = REQUEST_QUESTION.test(t);
  const asks = (s.question || QUESTION_START.test(t) || INFO_REQUEST.test(t)) && !(request && !INFO_VERB.test(t));
  const harmlessAsk = asks && HARMLESS_QUESTION.test(t) && !INFO_REQUEST.test(t);
  const question = asks && !harmlessAsk;
  const notComingAtAll = NOT_COMING.some((re) => re.test(t)) && !EAGER.test(t);
  const notMe = notComingAtAll && NOT_ME_BUT.test(t);
  const cancel = (statedMatch(CANCEL, t) && !EAGER.test(t)) || (notComingAtAll && !notMe);
  const signup = statedMatch(SIGNUP, t) || clauses(t).some((c) => !statedMatch(CANCEL, c) && statedMatch(SIGNUP_NOUNS, c));
  const hedged = HEDGE.test(t);
  const conditionalCancel = CONDITION.test(t);
  const conditionalSignup = CONDITION.test(t) && !HARMLESS_SIGNUP_CONDITION.test(t);
  const signupDoubt = signup && (question || hedged || conditionalSignup);
  const cancelDoubt = cancelDoubtOf(cancel, question, hedged, conditionalCancel);
  return {
    signup: signup && !signupDoubt,
    cancel: cancel && !cancelDoubt,
    question,
    uncertainSignup: signupDoubt,
    uncertainCancel: cancelDoubt,
    unsubscribe: false,
    notMe: notMe && !cancelDoubtOf(notMe, question, hedged, conditionalCancel),
  };
}

function cancelDoubtOf(cancel: boolean, question: boolean, hedged: boolean, conditional: boolean): boolean {
  return cancel && (question || hedged || conditional);
}

function none(reason: string, erasure: boolean): IntentReading {
  return { intent: 'other', reason, erasure, signupSentences: [], cancelSentences: [] };
}

/**
 * Intent of folded own words. `subject` is read only when the body states nothing (a fresh mail titled
 * "Aanmelding sessie 2" with just a name under it); pass '' for replies, whose subject is ours.
 */
export function readIntent(foldedOwnWords: string, foldedSubject: string): IntentReading {
  const body = sentences(foldedOwnWords);
  const erasure = body.some((s) => ERASURE.test(s.text));
  if (erasure) return none('erasure', true);
  if (body.some((s) => SUBSTITUTION.test(s.text) && !ANYONE_ELSE.test(s.text))) return none('substitution', false);
  const signupSentences: string[] = [];
  const cancelSentences: string[] = [];
  let question = false;
  let uncertainCancel = false;
  let unsubscribe = false;
  const notMeSentences: string[] = [];
  for (const s of body) {
    const r = readSentence(s);
    if (!r) continue;
    unsubscribe ||= r.unsubscribe;
    if (r.signup) signupSentences.push(s.text);
    if (r.cancel) cancelSentences.push(s.text);
    if (r.notMe) notMeSentences.push(s.text);
    question ||= r.question || r.uncertainSignup;
    uncertainCancel ||= r.uncertainCancel;
  }
  // "Ik kan zelf niet" explains registering someone else; on its own it is the sender not coming.
  if (!signupSentences.length) cancelSentences.push(...notMeSentences);
  const found = (intent: Reading, reason: string): IntentReading => ({ intent, reason, erasure, signupSentences, cancelSentences });
  if (unsubscribe) return found('other', 'unsubscribe-mailings');
  if (signupSentences.length && cancelSentences.length) return found('other', 'mixed');
  if (uncertainCancel) return found('other', 'uncertain-cancel');
  if (question) return found('other', 'question');
  if (cancelSentences.length) return found('cancel', 'cancel');
  if (signupSentences.length) return found('signup', 'signup');
  const subject = foldedSubject ? readSentence({ text: foldedSubject, question: foldedSubject.includes('?') }) : null;
  if (subject?.cancel && !subject.signup) return found('cancel', 'cancel:subject');
  if (subject?.signup && !subject.cancel) return found('signup', 'signup:subject');
  if (subject?.question || subject?.uncertainCancel || subject?.uncertainSignup) return found('other', 'question');
  return found('other', 'no-request');
}
