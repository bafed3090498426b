// Everyday ways of asking for a seat, giving one back, or asking something, one sentence each, written
// for this test (not taken from the blind sets) to hold the general rules in place. A probe like this found
// "Ik kom op 8 april toch niet" read as a signup.
import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];

async function intentOf(body: string): Promise<string> {
  const raw = `From: Jan Jansen <jan@example.nl>\nTo: info@hieropgewekt.nl\nSubject: Kennissessie\nMessage-ID: <e@example.nl>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
  return classify(await parseMail(Buffer.from(raw)), events, { ourDomains: ['aanmeldbot.hieropgewekt.nl'] }).intent;
}

describe('signup', () => {
  it.each([
    'Ik wil graag een plekje voor 14 januari.',
    'Kunt u mij inschrijven voor 11 februari?',
    'Ik zou me graag willen opgeven voor de sessie van 11 maart.',
    'Is het nog mogelijk om aan te sluiten op 8 april?',
    'Ik ben geïnteresseerd en wil graag komen op 14 januari.',
    'Hierbij bevestig ik mijn aanwezigheid op 11 februari.',
    'Graag reserveer ik twee plaatsen voor 11 maart.',
    'Ik kom ook! 14 januari staat in mijn agenda.',
    'Wil je mij op de deelnemerslijst zetten voor 8 april?',
    'Mag ik aanschuiven op 11 februari?',
    'Ik wil er op 11 maart graag bij zijn.',
    'Doe mij maar een plekje op 8 april.',
    'Ik geef me op voor 14 januari.',
    'Ik sluit graag aan op 11 februari.',
    'Ik zou graag van de partij zijn op 11 maart.',
    'Zet mijn naam maar op de lijst voor 8 april.',
    'Ik wil deelnemen aan de sessie op 11 februari.',
    'Ik wil me inschrijven voor 11 maart.',
    'Inschrijving voor 8 april: Jan Jansen.',
    "I'd like a seat for the session on 14 January.",
    'Please reserve a place for me on 11 February.',
    'Can you register me for 11 March?',
    'I want to join on 8 April.',
    'Kindly enrol me for the session of 14 January.',
    'I will attend the session on 11 February.',
    'Please count me in for 11 March.',
    'Could I get a spot for 8 April?',
    'Hereby I register for the session on 14 January.',
    "I'd be happy to join you on 11 February.",
    'Ik kom niet alleen: mijn collega Piet (piet@example.nl) komt ook mee op 14 januari. Graag ons beiden aanmelden.',
    'Ik zou heel graag 11 februari komen, lukt dat nog?',
    'Via deze weg meld ik mij aan voor 11 maart.',
    'Bij deze wil ik mij aanmelden voor 8 april.',
    'Ik wil graag meedoen op 14 januari.',
    "Wij zijn er graag bij op 11 februari, met z'n tweeën: Anna (anna@example.nl) en ik.",
    'Ik heb zin om 11 maart te komen, schrijf me maar in.',
    'Aanmelden voor 8 april graag.',
    'Mijn aanmelding voor 14 januari: Jan Jansen, gemeente Zeist.',
    'Ik wil een plaats reserveren voor 11 februari.',
    'Please put my name down for 11 March.',
    'I would like to sign up for the April session.',
    "Yes, I'd love to come on 14 January!",
    'I am interested and would like to attend on 11 February.',
  ])('%s', async (body) => {
    expect(await intentOf(body)).toBe('signup');
  });
});

describe('cancel', () => {
  it.each([
    'Ik kan op 14 januari helaas niet.',
    'Ik moet mijn aanmelding voor 11 februari helaas annuleren.',
    'Wilt u mij uitschrijven voor 11 maart?',
    'Ik kom op 8 april toch niet.',
    'Helaas verhinderd op 14 januari.',
    'Ik zeg af voor 11 februari.',
    'Graag mijn aanmelding voor 11 maart intrekken.',
    'Ik ben op 8 april toch niet in de gelegenheid.',
    'Het gaat me niet lukken op 14 januari.',
    'Ik laat 11 februari schieten, er is iets tussengekomen.',
    'Ik moet helaas afzeggen voor 11 maart.',
    'Sorry, ik red 8 april niet.',
    'Kan niet komen op 14 januari, graag van de lijst halen.',
    'Ik kom 11 februari niet, wil je me afmelden?',
    'I am unable to attend on 11 March.',
    "I won't make it on 8 April, please cancel.",
    'Please remove me from the list for 14 January.',
    "Sorry, I can't come on 11 February after all.",
    'I have to cancel my attendance on 11 March.',
    'Unfortunately I need to withdraw from the 8 April session.',
    'Please take me off the attendee list for 14 January.',
    "I'm no longer able to attend on 11 February.",
    'Ik moet me helaas afmelden voor 11 maart.',
    'Door ziekte kan ik 8 april niet komen.',
    'Ik kan toch niet op 14 januari, sorry!',
    'Helaas moet ik mijn deelname aan 11 februari annuleren.',
    'Ik heb een andere afspraak op 11 maart, dus ik kom niet.',
    'Wil je mijn inschrijving voor 8 april schrappen?',
    'Mijn plek voor 14 januari mag naar iemand anders.',
    'Due to illness I cannot attend on 11 February.',
    'Please cancel my registration for 11 March.',
    "I'm sorry but I have to cancel for 8 April.",
  ])('%s', async (body) => {
    expect(await intentOf(body)).toBe('cancel');
  });
});

describe('other', () => {
  it.each([
    'Kan ik me nog afmelden als ik ziek word?',
    'Is er parkeergelegenheid bij de locatie?',
    'Misschien kan ik niet op 14 januari, ik laat het nog weten.',
    'Mijn collega komt in mijn plaats op 11 februari.',
    'Ik wil me afmelden voor 11 maart en aanmelden voor 8 april.',
    'Hoe meld ik me aan voor de sessie?',
    'Bedankt voor de bevestiging!',
    'Zijn er nog plekken vrij op 8 april?',
    'Ik weet nog niet of ik kan komen op 14 januari.',
    'Als het lukt kom ik op 11 februari, ik laat het weten.',
    'Do I need to register separately for each session?',
    'If I get sick, how do I cancel?',
    'Will there be a recording of the session?',
    'Could you send me the slides of the last session?',
    'Ik kom niet te laat, maar wel iets later dan half twee op 14 januari.',
    'Ik red het niet op tijd voor de start op 11 februari, kan ik later binnenkomen?',
    'Komt er een verslag van de sessie op 11 maart?',
    'Kan ik mijn aanmelding later nog wijzigen?',
    'Stel dat ik niet kan, moet ik me dan afmelden?',
    'Wellicht kan ik 8 april niet, ik hoor het volgende week.',
    'Mijn collega neemt mijn plek over op 14 januari.',
    'Graag afmelden voor 11 februari en aanmelden voor 11 maart.',
    'Is de sessie van 11 maart ook geschikt voor raadsleden? Dan meld ik me aan.',
    'Waar is de locatie precies?',
    'Ik heb me al aangemeld, maar heb geen bevestiging ontvangen.',
    'Thanks, looking forward to it!',
    'Is there a waiting list for 8 April?',
    'Maybe I cannot come on 14 January, I will let you know.',
  ])('%s', async (body) => {
    expect(await intentOf(body)).toBe('other');
  });
});

describe('who: the attendees of everyday group mails', () => {
  async function addresses(body: string): Promise<(string | null)[]> {
    const raw = `From: Jan Jansen <jan@zeist.nl>\nTo: info@hieropgewekt.nl\nSubject: Kennissessie\nMessage-ID: <g@example.nl>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
    return classify(await parseMail(Buffer.from(raw)), events, { ourDomains: ['aanmeldbot.hieropgewekt.nl'] }).attendees.map((a) => a.email);
  }

  it.each([
    ["Wij komen met z'n drieën op 11 februari:\n- Jan Jansen, jan@zeist.nl\n- Els Bakker, els.bakker@zeist.nl\n- Piet de Wit, p.dewit@zeist.nl", ['jan@zeist.nl', 'els.bakker@zeist.nl', 'p.dewit@zeist.nl']],
    ['Graag aanmelden voor 8 april: ikzelf en Karin Smit <k.smit@zeist.nl>.', ['jan@zeist.nl', 'k.smit@zeist.nl']],
    ['Ik wil graag mijn collega Els Bakker aanmelden voor 11 maart, haar mailadres is els.bakker@zeist.nl. Zelf kan ik niet.', ['els.bakker@zeist.nl']],
    ['Ik meld me aan voor 11 maart. Mijn collega Els komt misschien ook, die laat het zelf weten.', ['jan@zeist.nl']],
    ['Ik meld me af voor 14 januari. Mijn collega Els Bakker komt wel gewoon.', ['jan@zeist.nl']],
  ])('%s', async (body, expected) => {
    expect(await addresses(body)).toEqual(expected);
  });
});
