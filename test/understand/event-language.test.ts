import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { eventOnRelativeDay, eventsNamed, matchEvent } from '../../src/understand/event-match.ts';
import { detectLanguage, subjectLanguage } from '../../src/understand/language.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];

describe('matchEvent', () => {
  it.each([
    ['Graag aanmelden voor sessie 3', 'sessie-3'],
    ['Ik kom naar de derde sessie', 'sessie-3'],
    ['I would like to join session 2', 'sessie-2'],
    ['the second session', 'sessie-2'],
    ['op 11 februari', 'sessie-2'],
    ['op 11 feb. a.s.', 'sessie-2'],
    ['op 11-2', 'sessie-2'],
    ['op 14/1', 'sessie-1'],
    ['on February 11th', 'sessie-2'],
    ['on 8 April', 'sessie-4'],
    ['over de business case', 'sessie-3'],
    ['over organisatievormen', 'sessie-4'],
    ['de coöperatie als organisatievorm', 'sessie-4'],
    ['the January session', 'sessie-1'],
    ['de sessie in maart', 'sessie-3'],
    ['de laatste sessie', 'sessie-4'],
  ])('%s -> %s', (text, id) => {
    expect(matchEvent(text, events)).toBe(id);
  });

  it.each([
    ['no event', 'Hoe laat begint het?'],
    ['a date without an event', 'op 12 februari'],
    ['a time that looks like a date', 'om 13.30 uur'],
    ['a phone number', 'bel 06-12345678'],
    ['a word that contains a keyword', 'de Participatiecoalitie'],
  ])('names nothing for %s', (_label, text) => {
    expect(matchEvent(text, events)).toBeNull();
  });

  it('returns null when two events are named, and lists both', () => {
    expect(matchEvent('voor sessie 3 én sessie 4', events)).toBeNull();
    expect(eventsNamed('sessies 2 en 3', events)).toEqual(['sessie-2', 'sessie-3']);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Ik wil me graag aanmelden voor de sessie.', 'nl'],
    ['I would like to register for the session, thanks!', 'en'],
    ['Hi Marieke,\n\nCould you please sign me up for the session on 11 February?', 'en'],
    ['', 'nl'],
    ['Top!', 'nl'],
    ['Ik ben afwezig tot 5 januari en lees mijn mail niet.\n\nI am out of office until 5 January and will not read my e-mail.', 'nl'],
  ])('%j -> %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('subjectLanguage (an empty calendar answer or receipt)', () => {
  it.each([
    ['Tentative: Kennissessie 4: Organisatievormen voor een wijkwarmtebedrijf', 'en'],
    ['Accepted: Kennissessie 2', 'en'],
    ['Geaccepteerd: Kennissessie 2', 'nl'],
    ['Voorlopig geaccepteerd: Kennissessie 4', 'nl'],
    ['Kennissessie 2: Rolverdeling en samenwerking', 'nl'],
  ])('%j is %s', (subject, language) => {
    expect(subjectLanguage(subject)).toBe(language);
  });
});

describe('events named the way people say them (holdout-15 and -17)', () => {
  it.each([
    ['kan ik nog mee met die van maart?', 'sessie-3'],
    ['ik kom donderdag de 14e graag', 'sessie-1'],
    ['ik kom de 11e', null],
    ['ik wil graag naar de 2e sessie', 'sessie-2'],
    // A topic word someone owns is about them: "onze coöperatie", "my participation".
    ['er ligt een ledenvergadering van onze coöperatie overheen', null],
    ['I must cancel my participation for Thursday', null],
  ])('%j names %s', (text, event) => {
    expect(matchEvent(text, events)).toBe(event);
  });
});

describe('eventOnRelativeDay (counted from the mail\'s Date, in Amsterdam)', () => {
  it.each([
    ['Hij is ziek en komt vanmiddag niet.', 'Thu, 11 Feb 2027 08:12:00 +0100', 'sessie-2'],
    ['Ik kan morgen toch niet.', 'Wed, 13 Jan 2027 21:14:00 +0100', 'sessie-1'],
    // 23:30 UTC on 13 January is already the 14th in Amsterdam.
    ['Ik kom vandaag niet.', 'Wed, 13 Jan 2027 23:30:00 +0000', 'sessie-1'],
    ['Ik kom vandaag niet.', 'Wed, 13 Jan 2027 10:00:00 +0100', null],
    ['Geen dag genoemd.', 'Thu, 11 Feb 2027 08:12:00 +0100', null],
  ])('%j sent %s is %s', (text, date, event) => {
    expect(eventOnRelativeDay(text, new Date(date).toISOString(), events)).toBe(event);
  });
});
