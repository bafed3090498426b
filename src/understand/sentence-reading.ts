// One sentence of the person's own words: does it state a signup or a cancel, or does it only ask, doubt
// or make a condition? intent.ts weighs the sentences of a mail against each other.
import {
  ACTS_THEMSELVES, ANYONE_ELSE, CANCEL, CANT_CLAUSE, CHECK_FIRST, CONDITION, DEFERRED, EMBEDDED_WHETHER, FIRST_PERSON, FOOTER_NOISE,
  FUTURE_OCCASION, HARMLESS_QUESTION, HARMLESS_SIGNUP_CONDITION, HEDGE, LATE_ARRIVAL, MAILING_UNSUBSCRIBE, NEGATION, NOT_COMING,
  NOT_ME_BUT, POLITE_CONDITION, ROOM_FOR_OTHERS, ROOM_QUESTION, SIGNUP, SIGNUP_NOUNS, STILL_COMES, THIRD_PERSON,
} from './intent-phrases.ts';
import { asksSomething, INFO_REQUEST } from './question-reading.ts';
import type { Sentence } from './text.ts';

/** "…dan kan er misschien nog iemand van de wachtlijst komen": a doubt about someone else's chance. */
const SOMEONE = /\b(?:iemand|someone|somebody)\b/;
/** "Ik had de sessie eerst laten schieten": what someone had done before, not what they do now. */
const PLUPERFECT = /^(?:[a-z]+ ){0,3}?(?:ik|wij|we) (?:had|hadden)\b/;
/** "Vorige week heb ik jullie een mail gestuurd om me aan te melden": a request made before, not now. */
const SENT_BEFORE = /\b(?:heb|had|hebben|hadden) (?:ik|wij|we)\b[^.?!]{0,60}\b(?:gestuurd|gemaild|verstuurd|geschreven)\b|\b(?:ik|wij|we) (?:heb|had|hebben|hadden)\b[^.?!]{0,60}\b(?:gestuurd|gemaild|verstuurd|geschreven)\b|\b(?:i|we) (?:sent|mailed|wrote|emailed)\b|\b(?:i|we) (?:have|had) (?:sent|mailed|written|emailed)\b/;
const WHETHER_LOOKBACK_CHARS = 30;
/** Text of our own mails that a badly quoting client leaves unmarked ("Antwoord dan met 'afmelden'"). */
const OUR_TEMPLATE_ECHO = /\bantwoord\b[^.?!]{0,40}\bmet '(?:afmelden|ja)'|\breply\b[^.?!]{0,40}\bwith '(?:cancel|yes)'|\bkun je toch niet komen\b|\bcan'?t make it after all\b/;
/** Phrases that sound negative but are eager ("ik kan niet wachten"). */
const EAGER = /\b(?:niet wachten|can'?t wait|cannot wait)\b/;
const NEGATED_AFTER = /^[^,.;]{0,20}\b(?:hoeft|hoef|hoeven) (?:niet|geen)\b|^[^,.;]{0,20}\b(?:niet nodig|not necessary|no need)\b|^\s*(?:ga|doe|zal|wil|hoef|moet|kan|ben)\s+(?:ik|we|wij|je)\s+(?:\S+\s+){0,2}?(?:niet|nooit)\b/;
const CLAUSE_CUT = /[,;]|\s(?:maar|but)\s/g;
/** Any word about signing up or cancelling, stated or not ("hoe meld ik me af"). */
const NAMES_REQUEST = /\b(?:aanmeld\w*|afmeld\w*|meld\w*|inschrij\w*|uitschrij\w*|schrijf|annul\w*|afzeg\w*|register\w*|cancel\w*|sign\w* up)\b/;

/** Start of the clause that holds position `at`: negations in other clauses do not count. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 60), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' maar '), before.lastIndexOf(' but '), before.lastIndexOf(' en '));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** Where the clause holding position `at` ends. */
function clauseEnd(text: string, at: number): number {
  CLAUSE_CUT.lastIndex = at;
  const m = CLAUSE_CUT.exec(text);
  return m ? m.index : text.length;
}

/** The first pattern stated without a negation, or null. */
function statedMatch(patterns: RegExp[], text: string): RegExpExecArray | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const negated = NEGATION.test(clauseBefore(text, m.index)) || NEGATION.test(m[0]) || NEGATED_AFTER.test(text.slice(m.index + m[0].length));
    if (!negated) return m;
  }
  return null;
}

/** A verb of leaving a mailing list, said by the person about themself. */
const UNSUBSCRIBE_VERB = /\b(?:afmelden|af te melden|afgemeld|uitschrijven|uit te schrijven|uitgeschreven|halen|af|off|verwijder\w*|remove|unsubscribe|stop\w*|niet meer ontvangen)\b/;
// "Wil graag afgemeld worden voor de nieuwsbrief": a clause that starts with its verb has "ik" left out.
const FIRST_PERSON_OR_MY = /\b(?:mij|me|ik|ons|my|i|us)\b|^(?:wil|wilde|zou|graag|kan|kun|kunnen|please)\b/;

/** "Haal mij van jullie mailinglijst af": the mailing list itself is what they leave (one clause). */
function leavesMailingList(sentence: string): boolean {
  return clauses(sentence).some((c) => MAILING_UNSUBSCRIBE.test(c) && UNSUBSCRIBE_VERB.test(c) && FIRST_PERSON_OR_MY.test(c.trim()));
}

/** Clauses of a sentence: a cancel phrase in one clause does not claim a signup noun in another. */
export function clauses(text: string): string[] {
  return text.split(/[,;]\s*|\s+(?:maar|but|en daarnaast|daarnaast|and also)\s+/);
}

export interface SentenceReading {
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
  /** only asks whether there is room: harmless next to a stated signup (intent.ts decides) */
  roomQuestion?: boolean;
  /** says not to cancel ("dus niet afmelden"): the person means a registration they already have */
  keepsRegistration?: boolean;
  /** a signup put off until later ("dan meld ik me tegen die tijd aan") */
  deferred?: boolean;
  /** the question may be a rhetorical one in a story (it names nothing about the event or us) */
  rhetorical?: boolean;
  /** a doubt or condition anywhere in the sentence's own clauses (not in a footer), whatever it is about */
  doubt?: boolean;
  /** the cancel is only "I can't (come)", with no word asking to cancel (afmelden, cancel, …) */
  onlyCannot?: boolean;
}

const UNSUBSCRIBING: SentenceReading = { signup: false, cancel: false, question: false, uncertainSignup: false, uncertainCancel: false, unsubscribe: true, notMe: false };

/** A cancel phrase said with a negation ("niet afmelden alstublieft", "please don't cancel me"). */
function negatedCancel(t: string): boolean {
  return CANCEL.some((re) => re.test(t)) && !statedMatch(CANCEL, t);
}

/** A signup stated in `t` and the position where its clause ends (a doubt after it is about something else). */
function signupIn(t: string): { end: number } | null {
  const m = statedMatch(SIGNUP, t);
  if (m && EMBEDDED_WHETHER.test(t.slice(Math.max(0, m.index - WHETHER_LOOKBACK_CHARS), m.index))) return null;
  if (m) return { end: clauseEnd(t, m.index + m[0].length) };
  let at = 0;
  for (const c of clauses(t)) {
    at = t.indexOf(c, at);
    if (!statedMatch(CANCEL, c) && statedMatch(SIGNUP_NOUNS, c)) return { end: at + c.length };
    at += c.length;
  }
  return null;
}

/** The clauses left when those about someone acting themself go; none when that spans the clauses. */
function withoutActingThemselves(t: string): string {
  const all = clauses(t);
  if (!all.some((c) => ACTS_THEMSELVES.test(c))) return '';
  // "… als die wil komen, meldt hij zich zelf aan": the condition is theirs too.
  return all.filter((c) => !ACTS_THEMSELVES.test(c) && !(CONDITION.test(c) && !FIRST_PERSON.test(c))).join(', ');
}

export function readSentence(s: Sentence): SentenceReading | null {
  if (leavesMailingList(s.text)) return UNSUBSCRIBING;
  if (OUR_TEMPLATE_ECHO.test(s.text)) return null;
  // Footer and disclaimer clauses ("afmelden voor onze nieuwsbrief") say nothing about the event.
  const t = FOOTER_NOISE.test(s.text) ? clauses(s.text).filter((c) => !FOOTER_NOISE.test(c)).join(', ') : s.text;
  if (!t.trim()) return null;
  // "Mijn opvolger meldt zich zelf wel aan": someone else acting themself asks nothing of us. Those clauses
  // are left out when looking for a request, but their doubts and conditions still count.
  const own = ACTS_THEMSELVES.test(t) ? withoutActingThemselves(t) : t;
  // Cancel words only count in clauses about now: "ik had de sessie eerst laten schieten" is history.
  const current = PLUPERFECT.test(own) ? clauses(own).filter((c) => !PLUPERFECT.test(c.trim())).join(', ') : own;
  const notComingAtAll = (NOT_COMING.some((re) => re.test(current)) || clauses(current).some((c) => CANT_CLAUSE.test(c.trim()))) && !EAGER.test(current);
  const notMe = notComingAtAll && NOT_ME_BUT.test(current);
  const cancel = (!!statedMatch(CANCEL, current) && !EAGER.test(current)) || (notComingAtAll && !notMe);
  // "I hope to join one of your next events": a wish for another time asks for no seat now.
  const signup = FUTURE_OCCASION.test(own) || STILL_COMES.test(own) || SENT_BEFORE.test(own) ? null : signupIn(own);
  const asked = asksSomething(s, t, cancel || !!signup || notComingAtAll || NAMES_REQUEST.test(t));
  const asks = asked !== 'no';
  // "Ik zou graag op 11 februari komen, lukt dat nog?": the question after the signup only asks for room,
  // which the desk answers by itself (a seat or the waitlist).
  const parts = clauses(t);
  const roomAfterSignup = !!signup && parts.length > 1 && ROOM_QUESTION.test(parts.at(-1)!.trim()) && !ROOM_FOR_OTHERS.test(parts.at(-1)!);
  const question = asks && !roomAfterSignup && !(HARMLESS_QUESTION.test(t) && !INFO_REQUEST.test(t));
  // "Meld me af, dan kan er misschien nog iemand van de wachtlijst komen": a doubt about someone else's chance.
  const hedged = clauses(t).some((c) => HEDGE.test(c) && !ANYONE_ELSE.test(c) && !SOMEONE.test(c));
  const unconditioned = t.replace(POLITE_CONDITION, ' ');
  const conditionalCancel = CONDITION.test(unconditioned);
  const conditionalSignup = CONDITION.test(unconditioned) && !HARMLESS_SIGNUP_CONDITION.test(unconditioned);
  // A doubt about a signup stands in its own clause or before it; "ik meld me aan, ik ben er waarschijnlijk
  // pas om twee uur" doubts the arrival time, not the signup.
  const signupHedged = !!signup && clauses(own.slice(0, signup.end)).some((c) => HEDGE.test(c) && !LATE_ARRIVAL.test(c));
  // "Mijn buurman zei dat hij misschien ook wil komen": their doubt, about a signup they did not ask of us.
  const doubtingClauses = clauses(own).filter((c) => HEDGE.test(c) || CONDITION.test(c));
  const othersDoubt = !question && THIRD_PERSON.test(own) && (doubtingClauses.length ? doubtingClauses : [own]).every((c) => THIRD_PERSON.test(c) && !FIRST_PERSON.test(c));
  const deferred = !!signup && DEFERRED.test(own.slice(0, signup.end));
  const signupDoubt = !!signup && !othersDoubt && !deferred && (question || signupHedged || conditionalSignup);
  // A sentence of its own saying they must check first doubts the whole signup ("… ik laat het z.s.m. weten").
  const checksFirst = CHECK_FIRST.test(own) && FIRST_PERSON.test(own) && !cancel;
  const roomQuestion = question && !signup && !cancel && ROOM_QUESTION.test(t) && !ROOM_FOR_OTHERS.test(t);
  const cancelDoubt = cancel && (question || hedged || conditionalCancel);
  return {
    signup: !!signup && !signupDoubt && !deferred && !(othersDoubt && (signupHedged || conditionalSignup)),
    cancel: cancel && !cancelDoubt,
    question: question && !roomQuestion,
    roomQuestion,
    keepsRegistration: negatedCancel(own),
    deferred,
    rhetorical: asked === 'maybe-rhetorical',
    doubt: hedged || conditionalCancel,
    onlyCannot: cancel && !statedMatch(CANCEL, current),
    uncertainSignup: signupDoubt || checksFirst,
    uncertainCancel: cancelDoubt,
    unsubscribe: false,
    notMe: notMe && !(question || hedged || conditionalCancel),
  };
}
