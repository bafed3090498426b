// Cues in the person's own words (folded) about who is meant: the sender, colleagues named or in Cc,
// the writer of a forwarded mail. attendees.ts weighs them; each is one phrase list with its traps.
import { fold } from './text.ts';

/** The sender includes themself ("meld mij aan", "ik kom", "mijn collega en ik"). */
const SELF_CUES = [
  /\b(?:mij|mezelf|mijzelf|ikzelf|onszelf|myself|ourselves)\b/,
  /\b(?:meld(?:en)?|schrijf|schrijven|geef|geven|zet|reserveer|register|sign|enrol|enroll|book|count|cancel|take|remove|haal|schrap)\s+(?:ik\s+|wij\s+|we\s+)?(?:ons|me|us)\b/,
  /\b(?:my|mijn|our|onze?) (?:own |eigen )?(?:registrations?|places?|seats?|spots?|bookings?|aanmelding(?:en)?|inschrijving(?:en)?|plek(?:ken)?|plaats(?:en)?|deelname)\b/,
  // Bare particles only at the clause end ("meld ons maar aan."), not "bij ons in de werkgroep".
  /\b(?:ons|me)\s+(?:graag\s+|ook\s+|hierbij\s+|bij deze\s+|dan\s+|maar\s+|allebei\s+|beiden\s+|samen\s+|hier\s+|daar\s+|voor\s+|er\s+){0,4}(?:aanmelden|inschrijven|opgeven|afmelden|uitschrijven|(?:aan|in|op|af)(?=\s*(?:[.,;!?]|$)))/,
  // "Could you register the three of us?", "we are three persons from …".
  /\b(?:the )?(?:two|three|four|five|six|both|\d) of us\b|\bwe are (?:two|three|four|five|\d) (?:people|persons|of us)\b/,
  /\b(?:ik|wij|we|i)(?:\s+(?:wil|wilde|willen|wilt|zou|zouden|graag|ook|hierbij|would|like|to|'d|want|also|hereby|zelf|dan|toch|helaas|moet|moeten|must|have|need|will|'ll|am|be|ben|zijn|gaan|ga|kan|kon|kunnen|can|could|please|er|niet|not|unfortunately|zeker|certainly|allebei|beiden)){0,8}\s+(?:aanmelden|inschrijven|opgeven|deelnemen|aanwezig|komen|kom|bijwonen|erbij|register|sign up|attend|come|join|participate|be there|make it|afmelden|cancel|uitschrijven)\b/,
  // "Ik kan helaas niet", "helaas kan ik niet", "ik ben verhinderd": the sender is among those not coming.
  /\b(?:(?:ik|wij|we)\s+(?:kan|kunnen|ben|zijn)|(?:kan|kunnen|ben|zijn)\s+(?:ik|wij|we))(?:\s+(?:helaas|toch|er|dus|echt|nu))*\s+(?:niet|verhinderd)\b/,
  /\b(?:en ik|ik en|and i|i and|and myself|en mezelf|en mijzelf|samen met|together with|(?:ons|wij|we) (?:beiden|allebei)|both of us|we both|wij beiden|met z'?n (?:tweeen|drieen|vieren|vijven|allen)|with my colleagues?|met mijn collega'?s?)\b/,
  // "Graag aanmelden voor 11/2": the request without a subject is the sender's own.
  /(?:^|[.!?:\n]\s*)(?:graag|gaarne|please)\s+(?:aanmelden|inschrijven|opgeven|noteren|registreren|afmelden|register|sign up)\b/,
];

/** The sender says they themself will not come ("ik kan zelf niet", "I'm unable to attend myself"). */
export const NOT_SELF = /\b(?:kan|kun|kunnen|can'?t|cannot|unable|not able|niet|won'?t|will not|not)\b[^.?!]{0,30}\b(?:zelf|myself)\b|\b(?:zelf|myself)\b[^.?!]{0,20}\b(?:niet|not)\b/;

/** The sender refers to others in the mail, so Cc'd addresses are meant as attendees. */
export const OTHERS_CUE = /\b(?:collega'?s?|colleagues?|cc|cc'd|gecc'?d|kopie|copied|samen met|together with|ook mee|wij|we|ons|us|beiden|allebei|both|met z'?n|en ik|and i|partner|medewerkers?|team)\b/;

/** The sender points at the forwarded mail's writer ("zie onder", "het verzoek van mijn collega"). */
export const POINTS_AT_FORWARD = /\b(?:collega'?s?|colleagues?|hem|haar|hen|him|her|them|zijn verzoek|haar verzoek|ons allebei|ons beiden|both of us|ons samen|zij|hij|he|she)\b/;

/** "Mijn buurman Gert wil misschien ook komen, maar laat het zelf weten": not someone the mail registers. */
const UNDECIDED = /\b(?:misschien|wellicht|eventueel|twijfelt|maybe|perhaps|might)\b|\bzelf\b|\b(?:himself|herself|themselves)\b/;
/** "Mijn collega Joost heeft zich al aangemeld": a seat they have, not one to ask for. */
export const ALREADY_REGISTERED = /\b(?:al|already|reeds) (?:aangemeld|ingeschreven|registered|signed up)\b|\b(?:has|have) already (?:registered|signed up)\b/;
/** "… to my colleague Hanna, but she is on parental leave until March": in a signup, away means not coming. */
const AWAY = /\b(?:is|zit|ben) (?:\w+ )?(?:met (?:\w*)?verlof|afwezig|ziek|away|ill|sick)\b|\bon (?:\w+ )?leave\b/;

/**
 * What a sentence naming a colleague must say for them to be meant: that they come, or that "we" do.
 * "Mijn collega Geeske stuurde me de uitnodiging door" only tells where the mail came from.
 */
export const MEANT_TOO = /\b(?:aangemeld|ingeschreven|registered|meld\w*|mezelf|mijzelf|myself|opgeven|geef|verzoek|aanvraag|request\w*|asks?|vraagt|ook|mee|samen|en ik|ik en|wij|we|ons|komt|komen|gaat|gaan|wil|wilt|willen|zou|graag|aanmeld\w*|aan te melden|inschrij\w*|in te schrijven|afmeld\w*|af te melden|opgeven|noteren|registr\w*|deelnemen|aanwezig|erbij|verhinderd|niet|also|too|and i|i and|us|our|both|comes?|coming|join\w*|attend\w*|register\w*|cancel\w*|sign\w*|would|wants?|will|can'?t|cannot|unable)\b/;

/** The sentences naming this person leave it to them, doubt they come, or do not say they are meant. */
export function undecided(foldedOwnWords: string, name: string, intent: 'signup' | 'cancel' | undefined): boolean {
  const key = fold(name);
  const said = foldedOwnWords.split(/(?<=[.!?])\s+|\n/).filter((s) => s.includes(key));
  return said.length > 0 && said.every((s) => UNDECIDED.test(s) || (intent === 'signup' && (AWAY.test(s) || ALREADY_REGISTERED.test(s))) || !MEANT_TOO.test(s.replace(key, ' ')));
}

export function includesSelf(foldedOwnWords: string): boolean {
  return !NOT_SELF.test(foldedOwnWords) && SELF_CUES.some((re) => re.test(foldedOwnWords));
}

/** "Willen jullie hen afmelden? Zelf kom ik wel gewoon": the sender keeps their own seat. */
export const SENDER_STAYS = /\bzelf kom ik (?:wel|gewoon)\b|\bik kom (?:zelf )?(?:wel )?gewoon\b|\bmijn (?:eigen )?(?:aanmelding|inschrijving|plek) blijft\b|\b(?:blijf|blijven) (?:ik|wij|we) (?:gewoon |wel )*(?:aangemeld|ingeschreven|staan)\b|\bi(?:'ll| will) still (?:come|be there|attend)\b|\bmy (?:own )?(?:registration|place|seat) stays\b/;

/** "Me and my partner Bram would like to join": the sender with the others. */
export const ME_AND_OTHERS = /\b(?:me and|and me|both of us|ons allebei|wij beiden|we both)\b/;
export const ALSO_ME = /\b(?:both of us|ons allebei|ons beiden|wij beiden|we both|en ik|ik en|me and|and me|myself|mezelf|mijzelf|mij ook|me ook|and i)\b/;

/** The sender says they themself do not come ("ik moet afhaken", "ik kan niet", "meld me af"). */
export const SENDER_CANCELS = /\b(?:ik|wij|we|i)\b[^.?!]{0,60}\b(?:afhaken|afmelden|af te melden|niet komen|kom niet|komen niet|kan niet|kunnen niet|verhinderd|afzeggen|cancel|withdraw|can't|cannot|won't)\b|\b(?:meld|melden) (?:me|mij|ons)\b[^.?!]{0,30}\baf\b/;
