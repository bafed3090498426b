// One sentence of the person's own words: does it state a signup or a cancel, or does it only ask, doubt
// or make a condition? intent.ts weighs the sentences of a mail against each other.
import {
  ACTS_THEMSELVES, ANYONE_ELSE, CANCEL, CHECK_FIRST, CANT_CLAUSE, CONDITION, FUTURE_OCCASION, POLITE_CONDITION, DEFERRED, EXCLAMATIVE, FIRST_PERSON, FOOTER_NOISE, HARMLESS_QUESTION,
  HARMLESS_SIGNUP_CONDITION, HEDGE, LATE_ARRIVAL, MAILING_UNSUBSCRIBE, NEGATION, NOT_COMING, NOT_ME_BUT, REQUEST_QUESTION, REQUESTS_TO_ATTEND, ROOM_FOR_OTHERS,
  ROOM_QUESTION, SIGNUP, SIGNUP_NOUNS, STILL_COMES, THIRD_PERSON, EMBEDDED_WHETHER,
} from './intent-phrases.ts';
import type { Sentence } from './text.ts';

/** Questions that do not start with a question word end with "?"; these start like one. */
const QUESTION_START =
  /^(?:hoe|waar|wanneer|wat|wie|waarom|welke|hoeveel|hoelang|how|where|when|what|who|why|which)\b|^(?:kan|kun|mag|moet|zal|heb|ben|is|zijn|komt|gaat|wordt|weet|weten|hoef|kunnen|mogen|moeten|hebben|klopt)\s+(?:ik|je|jij|u|we|wij|jullie|er|het|dit|dat|deze|die|men|mijn|onze|het)\b|^(?:can|could|may|should|do|does|did|is|are|am|have|has|will|would|shall|was|were)\s+(?:i|we|you|it|there|this|that|my|our|he|she|they)\b/;
/** "Wat mij opvalt, is dat …", "What struck me is that …": a statement that opens with a question word. */
/** "Wie mij opvolgt is nog niet bekend": an indirect question as the subject of a statement. */
const UNKNOWN_YET = /^(?:wie|wat|waar|wanneer|hoe|of)\b[^,?]{0,60}\b(?:is|wordt|zijn) (?:nog )?(?:niet )?(?:bekend|duidelijk|onduidelijk|zeker|onzeker)\b/;
const PSEUDO_CLEFT = /^(?:wat|waar|what)\b(?: [^\s,?]+){2,8},? (?:is|was|blijft) (?:dat|om|that|to)\b/;
/**
 * "Vooral het stuk over participatie is voor ons interessant: hoe krijg je de rest van de straat mee?": the
 * question after the colon is the topic they care about, not one put to us.
 */
const TOPIC_LEAD = /\b(?:interessant|boeiend|relevant|het thema|het onderwerp|het vraagstuk|de vragen?|worstel\w*|lopen (?:we |wij )?(?:precies |steeds )?tegen|interesting|relevant|the questions?)\b[^:?–—]*(?::|\s[–—-])\s*[^:]+$/;
/** "…dan kan er misschien nog iemand van de wachtlijst komen": a doubt about someone else's chance. */
const SOMEONE = /\b(?:iemand|someone|somebody)\b/;
/** "Ik had de sessie eerst laten schieten": what someone had done before, not what they do now. */
const PLUPERFECT = /^(?:[a-z]+ ){0,3}?(?:ik|wij|we) (?:had|hadden)\b/;
/** "Vorige week heb ik jullie een mail gestuurd om me aan te melden": a request made before, not now. */
const SENT_BEFORE = /\b(?:heb|had|hebben|hadden) (?:ik|wij|we)\b[^.?!]{0,60}\b(?:gestuurd|gemaild|verstuurd|geschreven)\b|\b(?:ik|wij|we) (?:heb|had|hebben|hadden)\b[^.?!]{0,60}\b(?:gestuurd|gemaild|verstuurd|geschreven)\b|\b(?:i|we) (?:sent|mailed|wrote|emailed)\b|\b(?:i|we) (?:have|had) (?:sent|mailed|written|emailed)\b/;
/** Statements that ask for information ("ik wil graag weten", "I was wondering"). */
const INFO_REQUEST = /\b(?:wil|willen|zou|zouden|graag)\b[^.?!]{0,25}\b(?:weten|vragen|informeren)\b|\bvraag me af\b|\bik vroeg me af\b|\b(?:i was wondering|i wonder|i'd like to know|would like to know|want to know|let me know)\b|\bvraagje\b|\b(?:ik|wij) heb(?:ben)? (?:een |nog een )?vra(?:ag|gen)\b/;
// "… willen graag weten hoe we als bewoners meer te zeggen krijgen": about their own situation, not the day.
const WONDER_WHETHER = /\b(?:weten|ontdekken|uitzoeken|leren|find out|learn) (?:of|whether|if)\b|\b(?:weten|ontdekken|uitzoeken|leren|find out|learn) (?:hoe|wat|how|what) (?:we|wij|je|you)\b(?![^.?!]{0,60}\b(?:aanmeld\w*|afmeld\w*|inschrij\w*|register\w*|cancel\w*|kom\w*|plek\w*|sessie\w*|session\w*)\b)/;
const WHETHER_LOOKBACK_CHARS = 30;
/** A request phrased as a question that still asks for information ("Kunt u mij laten weten …"). */
const INFO_VERB = /\b(?:vertellen|laten weten|uitleggen|informeren|sturen|nagaan|nakijken|controleren|checken|tell|explain|send|let me know|inform|check)\b/;
/** Text of our own mails that a badly quoting client leaves unmarked ("Antwoord dan met 'afmelden'"). */
const OUR_TEMPLATE_ECHO = /\bantwoord\b[^.?!]{0,40}\bmet '(?:afmelden|ja)'|\breply\b[^.?!]{0,40}\bwith '(?:cancel|yes)'|\bkun je toch niet komen\b|\bcan'?t make it after all\b/;
/** Phrases that sound negative but are eager ("ik kan niet wachten"). */
const EAGER = /\b(?:niet wachten|can'?t wait|cannot wait)\b/;
const NEGATED_AFTER = /^[^,.;]{0,20}\b(?:hoeft|hoef|hoeven) (?:niet|geen)\b|^[^,.;]{0,20}\b(?:niet nodig|not necessary|no need)\b|^\s*(?:ga|doe|zal|wil|hoef|moet|kan|ben)\s+(?:ik|we|wij|je)\s+(?:\S+\s+){0,2}?(?:niet|nooit)\b/;
/** "Mag ik nog komen, of moet ik me afmelden?": a choice asked about is a question, whatever it names. */
const EITHER_OR = /(?:,|\s)\s*(?:of|or)\s+(?:moet|mag|kan|zal|is|ben|wil|moeten|mogen|kunnen|should|must|do|can|shall|will|would)\b/;
const CLAUSE_CUT = /[,;]|\s(?:maar|but)\s/g;
/** Any word about signing up or cancelling, stated or not ("hoe meld ik me af"). */
const NAMES_REQUEST = /\b(?:aanmeld\w*|afmeld\w*|meld\w*|inschrij\w*|uitschrij\w*|schrijf|annul\w*|afzeg\w*|register\w*|cancel\w*|sign\w* up)\b/;

const ADDRESSES_READER = /\b(?:u|uw|je|jij|jou|jouw|jullie|you|your)\b/;
const ASKS_FOR_ONESELF = /\b(?:kan|kun|mag|moet|hoef|zal|kunnen|mogen|moeten|hoeven|zullen|can|may|must|should|do|need) (?:ik|wij|we|i)\b/;
/** What people ask about the day itself, even in a bare "Parkeren bij het station?". */
const ABOUT_THE_DAY = /\b(?:plek\w*|plaats\w*|parkeer\w*|parkeren|adres|locatie|route|tijd|tijden|laat|vroeg|lunch|eten|koffie|dieet\w*|vegetar\w*|vegan\w*|kosten|prijs|gratis|betal\w*|online|livestream|opname|slides|presentatie\w*|programma|agenda|sessie\w*|bijeenkomst\w*|middag|bevestig\w*|rolstoel\w*|toegankelijk\w*|trein|station|certificaat|bewijs|parking|address|location|time|late|early|food|lunch|cost|price|fee|free|pay\w*|recording|session|meeting|event|afternoon|confirm\w*|wheelchair|access\w*|train)\b/;

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

function asksSomething(s: Sentence, t: string, mentionsRequest: boolean): 'no' | 'yes' | 'maybe-rhetorical' {
  const request = REQUEST_QUESTION.test(t) || REQUESTS_TO_ATTEND.some((re) => re.test(t));
  // "Wat fijn dat jullie dit organiseren!" starts like a question but exclaims, and must not make the
  // request elsewhere in the mail a question. "Kan ik me nog afmelden!" and "Hoe meld ik me af!" stay
  // questions: only "wat"/"hoe" open an exclamation, and only in a sentence that names no request.
  const exclaims = EXCLAMATIVE.test(t) || (!mentionsRequest && !!s.exclaimed && /^(?:wat|hoe|what|how)\b/.test(t));
  const startsAsQuestion = QUESTION_START.test(t) && !exclaims && (s.question || (!PSEUDO_CLEFT.test(t) && !UNKNOWN_YET.test(t)));
  if (s.question && EITHER_OR.test(t)) return 'yes';
  if (request && !INFO_VERB.test(t)) return 'no';
  if (s.question && TOPIC_LEAD.test(t) && !ASKS_FOR_ONESELF.test(t)) return 'no';
  // "We willen graag weten of zoiets voor ons haalbaar is": why they come, not a question put to us.
  const ownMotive = !s.question && WONDER_WHETHER.test(t) && !ADDRESSES_READER.test(t) && !ABOUT_THE_DAY.test(t);
  if (startsAsQuestion || (INFO_REQUEST.test(t) && !ownMotive)) return 'yes';
  if (!s.question) return 'no';
  // "…de vraag waar iedereen mee worstelt: in welke vorm gaan we dit organiseren?" in a story asks nothing
  // of us: no question word up front, no "u"/"jullie", nothing about the day, no "kan ik". intent.ts
  // discounts it only when a request follows it; a question after the request is a question.
  const rhetorical = !mentionsRequest && !ADDRESSES_READER.test(t) && !ASKS_FOR_ONESELF.test(t) && !ABOUT_THE_DAY.test(t);
  return rhetorical ? 'maybe-rhetorical' : 'yes';
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
