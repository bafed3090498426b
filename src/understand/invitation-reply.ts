// "Ja graag!" above an invitation ("Wil je erbij zijn? Antwoord dan op deze mail") accepts it: the answer
// the invitation asked for. The same words above anything else (our confirmation, a question to cancel,
// a seat offer, which decide.ts answers by its token) ask nothing.
import { fold } from './text.ts';

/** Own words that only say yes. Emoji and punctuation around them do not matter. */
const ONLY_YES = /^(?:(?:ja|jazeker|jawel|ja hoor|ja graag|graag|heel graag|zeker|zeker weten|absoluut|natuurlijk|prima|top|leuk|super|yes|yes please|yep|sure|definitely|absolutely|with pleasure|count me in|ik kom|ik kom graag|ik ben erbij|i'm in|i will be there|i'll be there)[\s!.,]*)+(?:(?:dank|bedankt|dankjewel|dank je wel|thanks|thank you|groet|groetjes|gr)[\s!.,]*)?$/;
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/gu;

/** What an invitation says: it asks the reader to come and to answer. */
const INVITES = /\b(?:uitnodiging|invitation|wil je erbij zijn|wilt u erbij zijn|would you like to (?:come|join|attend)|zetten we je op de lijst|meld je (?:dan |hier )?aan|schrijf je (?:dan |hier )?in|antwoord (?:dan )?op deze (?:e-?)?mail)\b/;
/** Our own mails about an existing registration: a yes to them is not a new signup. */
const ABOUT_A_REGISTRATION = /\b(?:afmeld\w*|annuler\w*|cancel\w*|wachtlijst|waiting ?list|plek vrij|seat (?:is )?(?:free|available)|je bent aangemeld|you are registered|staat op de lijst)\b/;

/** Quoted text read for what the mail answers: the invitation's ask is near its top. */
const MAX_QUOTED_CHARS = 4096;

/** "Zie mijn antwoorden hieronder" between the lines of an invitation's form: filling it in accepts it. */
const FILLS_IN = /\b(?:zie|see|hierbij|here are) (?:mijn |my )?(?:antwoorden|answers|gegevens|details)\b[^.!?]{0,30}\b(?:hieronder|below|inline|in de tekst|tussen de regels)\b|\b(?:ingevuld|filled (?:in|out))\b/;
const ASKS_TO_FILL_IN = /\b(?:vul (?:hieronder|onderstaande|de volgende)|fill in (?:below|the following)|naam:|name:)/;

export function acceptsInvitation(ownWords: string, subject: string, quoted: string): boolean {
  const own = fold(ownWords).replace(EMOJI, ' ').replace(/\s+/g, ' ').trim();
  if (!own) return false;
  const answered = fold(`${subject}\n${quoted.slice(0, MAX_QUOTED_CHARS)}`);
  if (!INVITES.test(answered) || ABOUT_A_REGISTRATION.test(answered)) return false;
  return ONLY_YES.test(own) || (FILLS_IN.test(own) && ASKS_TO_FILL_IN.test(answered));
}
