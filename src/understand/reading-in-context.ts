// A reading weighed against its context: the mail it answers ("I'll be there!" above our reminder asks for
// nothing) and the sessions it names ("the first I can't, sign me up for the second" is a signup).
import type { EventInfo } from '../core/types.ts';
import { eventsNamed } from './event-match.ts';
import type { IntentReading } from './intent.ts';
import { fold } from './text.ts';

/** Our own mails to someone who has a seat: "Je bent aangemeld voor …" (confirmation, reminder, promotion). */
// Also our "was that you?" question, which is sent to someone who has a seat: "Ik wil gewoon komen" answers it.
export const OUR_REGISTERED_MAIL = /\b(?:je bent aangemeld|we hebben je aanmelding voor|we processed your registration|u bent aangemeld|you are registered|je staat op de (?:deelnemers)?lijst|je was al aangemeld|you were already registered|we kregen een verzoek om je aanmelding|we received a request to cancel your registration)\b/;
/** "Kan mijn collega ook nog mee?" above their own confirmation: a seat for someone else. */
const FOR_SOMEONE_ELSE = /\b(?:collega|collegas|collega's|colleagues?|partner|buurman|buurvrouw|wethouder|opvolger|manager|hij|zij|he|she)\b/;
/** Words that ask for a registration, as opposed to saying one will come. */
const ASKS_TO_REGISTER = /\b(?:aanmeld\w*|aan te melden|meld\w*|inschrij\w*|in te schrijven|schrijf|opgeven|op te geven|geef|register\w*|sign\w* (?:me |us )?up|reserve\w*|book (?:me|us)|noteer\w*|noteren|plek\w*|plaats\w*|seat|spot|ticket)\b/;

/**
 * "I'll definitely be there on Thursday!" above our reminder: the person says they come to what they
 * already have, and asks for nothing. A request in words ("meld me ook aan voor sessie 3") or for another
 * session than the one our mail is about stays a signup.
 */
export function comingToWhatTheyHave(signupSentences: string[], subject: string, quoted: string, events: EventInfo[]): boolean {
  const answered = fold(quoted.slice(0, MAX_QUOTED_CHARS_FOR_EVENT));
  if (!OUR_REGISTERED_MAIL.test(answered)) return false;
  if (signupSentences.some((s) => ASKS_TO_REGISTER.test(s) || FOR_SOMEONE_ELSE.test(s))) return false;
  const theirs = eventsNamed(signupSentences.join('\n'), events);
  const ours = eventsNamed(`${subject}\n${answered}`, events);
  return theirs.length === 0 || (theirs.length === 1 && ours.length === 1 && theirs[0] === ours[0]);
}

/**
 * "De eerste sessie kan ik helaas niet … Zouden jullie mij voor 11 februari willen inschrijven?": saying
 * you cannot come to one session explains the choice of another; nothing asks to cancel. (Were they
 * registered for the first, they still are: a missed cancel, never a wrong one.)
 */
export function cannotOneComesToAnother(reading: IntentReading, words: string, events: EventInfo[]): string | null {
  if (!reading.onlyCannot) return null;
  // "Zouden jullie mij daarvoor willen inschrijven?": the session is in the sentences around it.
  const rest = reading.cancelSentences.reduce((text, sentence) => text.replace(sentence, ' '), fold(words));
  const inRequest = eventsNamed(reading.signupSentences.join('\n'), events);
  const wanted = inRequest.length ? inRequest : eventsNamed(rest, events);
  const declined = eventsNamed(reading.cancelSentences.join('\n'), events);
  return wanted.length === 1 && declined.length >= 1 && !declined.includes(wanted[0]!) ? wanted[0]! : null;
}

/** Quoted text read for the event a reply is about: our mail's title is near its top. */
export const MAX_QUOTED_CHARS_FOR_EVENT = 4096;

/** Our seat offer and our "was that you?" question, as they stand in a quoted reply. */
const OUR_SEAT_OFFER = /\b(?:er is (?:op het laatste moment )?een plek vrijgekomen|een plek vrij: |a seat for .{0,120}has become free|a seat is free: )/;
const OUR_WAS_IT_YOU = /\b(?:we kregen een verzoek om je aanmelding|we received a request to cancel your registration)\b/;
/** A yes at the start of the answer, with no no after it ("Ja hoor, maar dat was ik niet"). */
const SAYS_YES = /^(?:ja|yes|jazeker|jawel|klopt|correct|graag|natuurlijk|zeker|sure|absolutely|definitely|yep)\b/;
const SAYS_NO_TOO = /\b(?:nee|niet|geen|no|not|never|gewoon komen|kom gewoon)\b/;

/**
 * "Yes please!! I'll take it" above our seat offer takes the seat; "Ja dat was ik 👍" above our "was that
 * you?" question confirms the cancel. decide.ts acts on these by the token of our mail; this says what they
 * mean for anyone reading the classification.
 */
export function answersOurQuestion(ownWords: string, quoted: string): 'signup' | 'cancel' | null {
  const own = fold(ownWords).replace(/[^\p{L}\p{N}\s']/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!SAYS_YES.test(own) || SAYS_NO_TOO.test(own)) return null;
  const answered = fold(quoted.slice(0, MAX_QUOTED_CHARS_FOR_EVENT));
  if (OUR_SEAT_OFFER.test(answered)) return 'signup';
  if (OUR_WAS_IT_YOU.test(answered)) return 'cancel';
  return null;
}
