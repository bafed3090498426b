// Does a sentence ask something a person must answer? Questions that are really requests ("Kunt u mij
// aanmelden?"), exclamations that look like questions, and statements that open with a question word
// do not; questions about the day, the sender's own case or us do.
import { EXCLAMATIVE, REQUEST_QUESTION, REQUESTS_TO_ATTEND } from './intent-phrases.ts';
import type { Sentence } from './text.ts';

/** Questions that do not start with a question word end with "?"; these start like one. */
const QUESTION_START =
  /^(?:hoe|waar|wanneer|wat|wie|waarom|welke|hoeveel|hoelang|how|where|when|what|who|why|which)\b(?!\s*:)|^(?:kan|kun|mag|moet|zal|heb|ben|is|zijn|komt|gaat|wordt|weet|weten|hoef|kunnen|mogen|moeten|hebben|klopt)\s+(?:ik|je|jij|u|we|wij|jullie|er|het|dit|dat|deze|die|men|mijn|onze|het)\b|^(?:can|could|may|should|do|does|did|is|are|am|have|has|will|would|shall|was|were)\s+(?:i|we|you|it|there|this|that|my|our|he|she|they)\b/;
/** "Wie mij opvolgt is nog niet bekend": an indirect question as the subject of a statement. */
const UNKNOWN_YET = /^(?:wie|wat|waar|wanneer|hoe|of)\b[^,?]{0,60}\b(?:is|wordt|zijn) (?:nog )?(?:niet )?(?:bekend|duidelijk|onduidelijk|zeker|onzeker)\b/;
/** "Wat mij opvalt, is dat …", "What struck me is that …": a statement that opens with a question word. */
const PSEUDO_CLEFT = /^(?:wat|waar|what)\b(?: [^\s,?]+){2,8},? (?:is|was|blijft) (?:dat|om|that|to)\b/;
/**
 * "Vooral het stuk over participatie is voor ons interessant: hoe krijg je de rest van de straat mee?": the
 * question after the colon is the topic they care about, not one put to us.
 */
const TOPIC_LEAD = /\b(?:interessant|boeiend|relevant|het thema|het onderwerp|het vraagstuk|de vragen?|worstel\w*|lopen (?:we |wij )?(?:precies |steeds )?tegen|interesting|relevant|the questions?)\b[^:?–—]*(?::|\s[–—-])\s*[^:]+$/;
/** Statements that ask for information ("ik wil graag weten", "I was wondering"). */
export const INFO_REQUEST = /\b(?:wil|willen|zou|zouden|graag)\b[^.?!]{0,25}\b(?:weten(?! dat\b)|vragen|informeren)\b|\bvraag me af\b|\bik vroeg me af\b|\b(?:i was wondering|i wonder|i'd like to know|would like to know|want to know|let me know)\b|\bvraagje\b|\b(?:ik|wij) heb(?:ben)? (?:een |nog een )?vra(?:ag|gen)\b/;
// "… willen graag weten hoe we als bewoners meer te zeggen krijgen": about their own situation, not the day.
const WONDER_WHETHER = /\b(?:weten|ontdekken|uitzoeken|leren|find out|learn) (?:of|whether|if)\b|\b(?:weten|ontdekken|uitzoeken|leren|find out|learn) (?:hoe|wat|how|what) (?:we|wij|je|you)\b(?![^.?!]{0,60}\b(?:aanmeld\w*|afmeld\w*|inschrij\w*|register\w*|cancel\w*|kom\w*|plek\w*|sessie\w*|session\w*)\b)/;
/** A request phrased as a question that still asks for information ("Kunt u mij laten weten …"). */
const INFO_VERB = /\b(?:vertellen|laten weten|uitleggen|informeren|sturen|nagaan|nakijken|controleren|checken|tell|explain|send|let me know|inform|check)\b/;
/** "Mag ik nog komen, of moet ik me afmelden?": a choice asked about is a question, whatever it names. */
const EITHER_OR = /(?:,|\s)\s*(?:of|or)\s+(?:moet|mag|kan|zal|is|ben|wil|moeten|mogen|kunnen|should|must|do|can|shall|will|would)\b/;
const ADDRESSES_READER = /\b(?:u|uw|je|jij|jou|jouw|jullie|you|your)\b/;
const ASKS_FOR_ONESELF = /\b(?:kan|kun|mag|moet|hoef|zal|kunnen|mogen|moeten|hoeven|zullen|can|may|must|should|do|need) (?:ik|wij|we|i)\b/;
/** What people ask about the day itself, even in a bare "Parkeren bij het station?". */
const ABOUT_THE_DAY = /\b(?:plek\w*|plaats\w*|parkeer\w*|parkeren|adres|locatie|route|tijd|tijden|laat|vroeg|lunch|eten|koffie|dieet\w*|vegetar\w*|vegan\w*|kosten|prijs|gratis|betal\w*|online|livestream|opname|slides|presentatie\w*|programma|agenda|sessie\w*|bijeenkomst\w*|middag|bevestig\w*|rolstoel\w*|toegankelijk\w*|trein|station|certificaat|bewijs|parking|address|location|time|late|early|food|lunch|cost|price|fee|free|pay\w*|recording|session|meeting|event|afternoon|confirm\w*|wheelchair|access\w*|train)\b/;

/**
 * Whether a sentence asks something a person must answer: 'maybe-rhetorical' for a question in a story
 * that names nothing of ours (intent.ts decides by what follows it).
 */
export function asksSomething(s: Sentence, t: string, mentionsRequest: boolean): 'no' | 'yes' | 'maybe-rhetorical' {
  const request = REQUEST_QUESTION.test(t) || REQUESTS_TO_ATTEND.some((re) => re.test(t));
  // "Wat fijn dat jullie dit organiseren!" starts like a question but exclaims, and must not make the
  // request elsewhere in the mail a question. "Kan ik me nog afmelden!" and "Hoe meld ik me af!" stay
  // questions: only "wat"/"hoe" open an exclamation, and only in a sentence that names no request.
  const exclaims = EXCLAMATIVE.test(t) || (!mentionsRequest && !!s.exclaimed && /^(?:wat|hoe|what|how)\b/.test(t));
  // The sentence as written decides how it starts: taking a footer clause out of "I found you through the
  // newsletter, where it was mentioned …" must not leave a sentence that starts with "where".
  const start = s.text;
  const startsAsQuestion = QUESTION_START.test(start) && !exclaims && (s.question || (!PSEUDO_CLEFT.test(start) && !UNKNOWN_YET.test(start)));
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
