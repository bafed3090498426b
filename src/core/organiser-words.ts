// What the desk answers organisers' commands with, in their language: one line per command.
import type { SignUpOutcome } from './operations.ts';
import type { Language } from './types.ts';

export interface OrganiserWords {
  counts: (id: string, title: string, taken: number, capacity: number, waitlist: number, closed: boolean) => string;
  noEvents: string;
  added: (who: string, eventId: string, outcome: SignUpOutcome) => string;
  removed: (who: string, eventId: string) => string;
  notRegistered: (email: string, eventId: string | null) => string;
  whichEvent: (email: string, eventIds: string[]) => string;
  capacity: (eventId: string, from: number, to: number) => string;
  overfull: (confirmed: number) => string;
  promoted: (n: number) => string;
  offered: (n: number) => string;
  closed: (eventId: string) => string;
  reopened: (eventId: string) => string;
  stillClosed: string;
  unknownEvent: (words: string, known: string[]) => string;
  noOpenEvent: string;
}

const SIGNUP_NL: Record<SignUpOutcome, string> = {
  confirmed: 'aangemeld', waitlisted: 'op de wachtlijst', 'already-registered': 'was al aangemeld',
  'already-waitlisted': 'stond al op de wachtlijst', closed: 'niet aangemeld: aanmelding gesloten', 'no-address': 'geen e-mailadres',
};
const SIGNUP_EN: Record<SignUpOutcome, string> = {
  confirmed: 'registered', waitlisted: 'on the waiting list', 'already-registered': 'was already registered',
  'already-waitlisted': 'was already on the waiting list', closed: 'not registered: registration is closed', 'no-address': 'no e-mail address',
};

export const ORGANISER_WORDS: Record<Language, OrganiserWords> = {
  nl: {
    counts: (id, title, taken, capacity, waitlist, closed) => `${id} (${title}): ${taken}/${capacity} bezet, wachtlijst ${waitlist}${closed ? ', aanmelding gesloten' : ''}`,
    noEvents: 'Er zijn geen komende sessies.',
    added: (who, id, outcome) => `${who}: ${SIGNUP_NL[outcome]} voor ${id}.`,
    removed: (who, id) => `${who}: afgemeld voor ${id}.`,
    notRegistered: (email, id) => `${email}: geen aanmelding gevonden${id ? ` voor ${id}` : ''}.`,
    whichEvent: (email, ids) => `${email} is aangemeld voor ${ids.join(' en ')}: noem de sessie, bijvoorbeeld "verwijder ${email} ${ids[0]}".`,
    capacity: (id, from, to) => `Capaciteit ${id}: ${from} → ${to}.`,
    overfull: (n) => `Er zijn al ${n} bevestigde aanmeldingen: niemand wordt afgemeld; nieuwe aanmeldingen komen op de wachtlijst tot er plek is.`,
    promoted: (n) => `${n} van de wachtlijst doorgeschoven (en gemaild).`,
    offered: (n) => `${n} plek(ken) aangeboden aan de wachtlijst; wie niet op tijd antwoordt, wordt overgeslagen.`,
    closed: (id) => `Aanmelding voor ${id} gesloten.`,
    reopened: (id) => `Aanmelding voor ${id} heropend.`,
    stillClosed: 'Let op: de aanmeldtermijn is verstreken, dus nieuwe aanmeldingen blijven geweigerd.',
    unknownEvent: (words, known) => `Sessie "${words}" ken ik niet; bekend zijn: ${known.join(', ')}.`,
    noOpenEvent: 'Er is geen sessie meer open voor aanmelding.',
  },
  en: {
    counts: (id, title, taken, capacity, waitlist, closed) => `${id} (${title}): ${taken}/${capacity} taken, waiting list ${waitlist}${closed ? ', registration closed' : ''}`,
    noEvents: 'There are no upcoming sessions.',
    added: (who, id, outcome) => `${who}: ${SIGNUP_EN[outcome]} for ${id}.`,
    removed: (who, id) => `${who}: cancelled for ${id}.`,
    notRegistered: (email, id) => `${email}: no registration found${id ? ` for ${id}` : ''}.`,
    whichEvent: (email, ids) => `${email} is registered for ${ids.join(' and ')}: name the session, e.g. "remove ${email} ${ids[0]}".`,
    capacity: (id, from, to) => `Capacity ${id}: ${from} → ${to}.`,
    overfull: (n) => `${n} people are already confirmed: nobody is removed; new registrations go on the waiting list until there is room.`,
    promoted: (n) => `${n} moved up from the waiting list (and mailed).`,
    offered: (n) => `${n} seat(s) offered to the waiting list; whoever does not answer in time is skipped.`,
    closed: (id) => `Registration for ${id} closed.`,
    reopened: (id) => `Registration for ${id} reopened.`,
    stillClosed: 'Note: the registration deadline has passed, so new registrations are still refused.',
    unknownEvent: (words, known) => `I do not know session "${words}"; known: ${known.join(', ')}.`,
    noOpenEvent: 'No session is open for registration any more.',
  },
};
