// What the person asks, read sentence by sentence from their own words. A request counts only when it is
// stated: questions, doubts, conditions and negations about signing up or cancelling go to people.
import { ADDRESS_CHANGE, ANYONE_ELSE, ANSWER_LATER, ERASURE, MAILING_UNSUBSCRIBE, NO_SUBSTITUTE, SUBSTITUTION, YES_IF_SO } from './intent-phrases.ts';

import { readSentence } from './sentence-reading.ts';
import { sentences } from './text.ts';
import { correctTypos, spokenForms } from './typos.ts';

export type Reading = 'signup' | 'cancel' | 'other';

export interface IntentReading {
  intent: Reading;
  /** short reason for logs: 'signup', 'cancel', 'question', 'mixed', 'uncertain-cancel', … */
  reason: string;
  erasure: boolean;
  /** sentences that ask to sign up (folded), for finding who is meant */
  signupSentences: string[];
  cancelSentences: string[];
  /** some sentence doubts or sets a condition, though not the request's own */
  doubtful?: boolean;
  /** every cancel sentence only says the person cannot come ("kan ik helaas niet"), none asks to cancel */
  onlyCannot?: boolean;
}

function none(reason: string, erasure: boolean): IntentReading {
  return { intent: 'other', reason, erasure, signupSentences: [], cancelSentences: [] };
}

/**
 * Staff asking a colleague to follow up ("Misschien even terugbellen als het rond is?") ask nothing of the
 * caller's request: the desk's reply or a person does that.
 */
const STAFF_FOLLOW_UP = /\b(?:terugbellen|terug te bellen|bel (?:haar|hem|ze) (?:even |nog )?terug|even bellen|laten weten|doorgeven|door te geven|bevestig\w*)\b/;

/**
 * Intent of folded own words. `subject` is read only when the body states nothing (a fresh mail titled
 * "Aanmelding sessie 2" with just a name under it); pass '' for replies, whose subject is ours. `staff`:
 * the mail is a staff note about someone else.
 */

export function readIntent(foldedOwnWords: string, foldedSubject: string, opts: { staff?: boolean } = {}): IntentReading {
  // "graag afmleden": a misspelt request word is still the request.
  const body = sentences(correctTypos(spokenForms(foldedOwnWords)));
  const erasure = body.some((s) => ERASURE.test(s.text));
  if (erasure) return none('erasure', true);
  if (body.some((s) => SUBSTITUTION.test(s.text) && !ANYONE_ELSE.test(s.text) && !NO_SUBSTITUTE.test(s.text))) return none('substitution', false);
  if (body.some((s) => ADDRESS_CHANGE.test(s.text))) return none('address-change', false);
  const signupSentences: string[] = [];
  const cancelSentences: string[] = [];
  let question = false;
  /** `question` before the latest sentence, to take back when "zo ja graag" answers that sentence */
  let pendingQuestion = false;
  let uncertainCancel = false;
  let unsubscribe = false;
  let roomQuestion = false;
  let keepsRegistration = false;
  let deferred = false;
  let doubtful = false;
  let onlyCannot = true;
  /** a question that names nothing of ours, not yet followed by a request */
  let openRhetorical = false;
  const notMeSentences: string[] = [];
  let previous: { text: string; asksToSignUp: boolean } | null = null;
  for (const s of body) {
    // "Kan ik me nog opgeven? Zo ja graag.": the yes turns the question before it into the request.
    if (YES_IF_SO.test(s.text) && previous?.asksToSignUp) {
      signupSentences.push(previous.text);
      question = pendingQuestion;
      previous = null;
      continue;
    }
    const r = readSentence(s);
    if (!r) continue;
    pendingQuestion = question;
    previous = { text: s.text, asksToSignUp: r.uncertainSignup && !r.cancel };
    if (opts.staff && r.question && !r.signup && !r.cancel && STAFF_FOLLOW_UP.test(s.text)) continue;
    unsubscribe ||= r.unsubscribe;
    if (r.signup) signupSentences.push(s.text);
    if (r.cancel) cancelSentences.push(s.text);
    if (r.cancel) onlyCannot &&= !!r.onlyCannot;
    if (r.notMe) notMeSentences.push(s.text);
    if (r.signup || r.cancel) openRhetorical = false;
    if (r.question && r.rhetorical) openRhetorical = true;
    else question ||= r.question || r.uncertainSignup;
    uncertainCancel ||= r.uncertainCancel;
    roomQuestion ||= !!r.roomQuestion;
    keepsRegistration ||= !!r.keepsRegistration;
    deferred ||= !!r.deferred;
    doubtful ||= !!r.doubt;
  }
  question ||= openRhetorical;
  // "Is er nog plek?" is answered by the signup itself (the desk checks room); alone, it is a question.
  if (roomQuestion && (!signupSentences.length || cancelSentences.length)) question = true;
  // "Ik kan zelf niet" explains registering someone else; on its own it is the sender not coming.
  if (!signupSentences.length) cancelSentences.push(...notMeSentences);
  const found = (intent: Reading, reason: string): IntentReading => ({ intent, reason, erasure, signupSentences, cancelSentences, doubtful, onlyCannot: cancelSentences.length > 0 && onlyCannot });
  if (unsubscribe) return found('other', 'unsubscribe-mailings');
  if (signupSentences.length && cancelSentences.length) return found('other', 'mixed');
  if (uncertainCancel) return found('other', 'uncertain-cancel');
  if (question) return found('other', 'question');
  if (cancelSentences.length) return found('cancel', 'cancel');
  // "Ik kom gewoon, dus niet afmelden": about a registration they have (e.g. answering our confirm-cancel
  // mail), not a new one. People check what happened.
  if (signupSentences.length && keepsRegistration) return found('other', 'keeps-registration');
  if (signupSentences.length) return found('signup', 'signup');
  // "Ik meld me later aan" asks nothing now; the subject must not turn it into a signup.
  if (deferred) return found('other', 'deferred');
  // "We moeten nog afstemmen wie gaat, ik laat het volgende week weten" under "Aanmelding 11 februari":
  // the body doubts what the subject seems to ask.
  if (doubtful || body.some((s) => ANSWER_LATER.test(s.text))) return found('other', 'doubt');
  const subjectText = correctTypos(foldedSubject);
  const subject = subjectText ? readSentence({ text: subjectText, question: subjectText.includes('?') }) : null;
  // "afmelden" above "… voor de nieuwsbrief": the body says what the subject's word is about.
  const aboutMailings = body.some((s) => MAILING_UNSUBSCRIBE.test(s.text));
  if (subject?.cancel && !subject.signup && !aboutMailings) return found('cancel', 'cancel:subject');
  if (subject?.signup && !subject.cancel) return found('signup', 'signup:subject');
  if (subject?.question || subject?.uncertainCancel || subject?.uncertainSignup) return found('other', 'question');
  return found('other', 'no-request');
}
