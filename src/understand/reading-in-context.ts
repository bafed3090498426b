// A reading weighed against its context: the mail it answers ("I'll be there!" above our reminder asks for
// nothing) and the sessions it names ("the first I can't, sign me up for the second" is a signup).
import type { EventInfo } from '../core/types.ts';
import { eventsNamed } from './event-match.ts';
import type { IntentReading } from './intent.ts';
import { fold } from './text.ts';

/** Our own mails to someone who has a seat: "Je bent aangemeld voor …" (confirmation, reminder, promotion). */
// Also our "was that you?" question, which is sent to someone who has a seat: "Ik wil gewoon komen" answers it.
const OUR_REGISTERED_MAIL = /\b(?:je bent aangemeld|u bent aangemeld|you are registered|je staat op de (?:deelnemers)?lijst|je was al aangemeld|you were already registered|we kregen een verzoek om je aanmelding|we received a request to cancel your registration)\b/;
/** "Kan mijn collega ook nog mee?" above their own confirmation: a seat for someone else. */
const FOR_SOMEONE_ELSE = /\b(?:collega|collegas|collega's|colleagues?|partner|buurman|buurvrouw|wethouder|opvolger|manager)\b/;
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
