// Rules added after measuring the second blind holdout. Fresh examples, not copies of its mails: each rule
// with the person's mail it must leave alone next to it.
import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

async function read(body: string, subject = 'Kennissessie', from = 'Jan Jansen <jan@example.nl>', extra = '') {
  const raw = `From: ${from}\nTo: info@hieropgewekt.nl\n${extra}Subject: ${subject}\nMessage-ID: <p@example.nl>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
  return classify(await parseMail(Buffer.from(raw)), events, opts);
}

async function readHtml(html: string, subject: string) {
  const raw = `From: Lotte Baas <l.baas@example.nl>\nTo: info@hieropgewekt.nl\nSubject: ${subject}\nMessage-ID: <h@example.nl>\nContent-Type: text/html; charset=utf-8\n\n<html><body>${html}</body></html>\n`;
  return classify(await parseMail(Buffer.from(raw)), events, opts);
}

const reply = 'Re: Bevestiging aanmelding: Kennissessie 2';

describe('robots without headers', () => {
  it('an HTML-only absence notice with its own subject and a signup word in it is automatic', async () => {
    const c = await readHtml('<div>Geachte afzender,</div><div>Ik ben op training tot en met vrijdag 12 februari en lees mijn e-mail daarna weer.</div><div>Wilt u zich aanmelden voor ons spreekuur? Bel dan het loket.</div><div>Groet, Lotte Baas</div>', 'Even weg');
    expect([c.intent, c.event]).toEqual(['automatic', null]);
  });

  it('a left-the-company notice is automatic', async () => {
    const c = await read('Beste afzender,\n\nSinds 1 januari ben ik niet langer werkzaam bij Woonpunt Oost. Uw bericht wordt niet doorgestuurd.\n\nVoor vragen: info@woonpuntoost.nl', 'Niet meer bij Woonpunt Oost');
    expect(c.intent).toBe('automatic');
  });

  it('a mailbox that says it is not monitored is automatic', async () => {
    expect((await read('Thank you for your email. This mailbox is no longer monitored. Please contact our service desk.', 'Notice')).intent).toBe('automatic');
  });

  it('a person telling us a colleague left is a person', async () => {
    const c = await read('Beste HIER opgewekt,\n\nMijn collega Els is niet meer werkzaam bij de gemeente, wilt u haar afmelden voor sessie 2?\n\nGroet,\nJan', reply);
    expect(c.intent).not.toBe('automatic');
  });

  it('a person mentioning a holiday in a signup is a person', async () => {
    const c = await read('Ik ben met vakantie tot 10 januari, maar meld me graag aan voor de sessie van 11 februari.\n\nGroet,\nJan');
    expect(c.intent).toBe('signup');
  });
});

describe('conditions and "do not cancel"', () => {
  it('a signup that depends on the person arranging something is other', async () => {
    expect((await read('Als ik vrij kan krijgen van mijn werk kom ik graag op 11 maart. Ik hoor het eind van de maand.', reply)).intent).toBe('other');
  });

  it('a signup on the event having room stays a signup', async () => {
    expect((await read('Als er nog plek is, meld ik me graag aan voor de sessie van 11 maart.')).intent).toBe('signup');
  });

  it('"ik kom gewoon, dus niet annuleren" is about an existing registration: other', async () => {
    const c = await read('Dat bericht klopt niet, ik heb niets gevraagd. Ik ben er gewoon bij op 11 februari, dus graag niet afmelden.', 'Re: Bevestig je afmelding');
    expect(c.intent).toBe('other');
  });
});

describe('requests that were missed', () => {
  it('a signup next to a bare "is there room?" question is a signup', async () => {
    const c = await read('Is er nog een plekje voor 11 maart? Meld me maar aan!\n\nGroet,\nJan');
    expect([c.intent, c.event]).toEqual(['signup', 'sessie-3']);
  });

  it('a room question for someone else still needs a person', async () => {
    expect((await read('Ik meld me aan voor sessie 3. Is er ook nog plek voor mijn collega?')).intent).toBe('other');
  });

  it('a room question alone is not a signup, even under a signup subject', async () => {
    expect((await read('Zijn er nog plaatsen vrij?', 'Aanmelding sessie 4')).intent).toBe('other');
  });

  it('spoken "d\'r" reads as "er": "ik ben d\'r bij"', async () => {
    expect((await read("Top, ik ben d'r bij!\n\nJan", reply)).intent).toBe('signup');
  });

  it('Flemish "forfait geven" is a cancel', async () => {
    expect((await read('Helaas moet ik forfait geven voor sessie 2 door een dienstreis.', reply)).intent).toBe('cancel');
  });

  it('"mag ik u vragen … te schrappen?" is a polite request', async () => {
    expect((await read('Mag ik u vragen mijn inschrijving voor sessie 2 te schrappen?', reply)).intent).toBe('cancel');
  });

  it('leaving the waiting list is a cancel, in English and Dutch', async () => {
    expect((await read('Please take me off the waitlist for the March session, thanks.', 'Re: Waiting list')).intent).toBe('cancel');
    expect((await read('Haal me maar van de wachtlijst voor sessie 4.', 'Re: Wachtlijst')).intent).toBe('cancel');
  });

  it('a signup put off until later does not make a cancel mixed', async () => {
    const c = await read('Ik moet me afmelden voor 11 februari. Voor april meld ik me te zijner tijd opnieuw aan.', reply);
    expect([c.intent, c.event]).toEqual(['cancel', 'sessie-2']);
  });

  it('a signup put off until later is no signup on its own', async () => {
    expect((await read('Ik meld me later nog aan voor sessie 4.', 'Aanmelding sessie 4')).intent).toBe('other');
  });

  it("someone else's doubt does not hold up the sender's signup, and they are not registered", async () => {
    const c = await read('Ik meld me graag aan voor sessie 4. Mijn collega Bram zei dat hij misschien ook komt, maar dat laat hij zelf weten.\n\nGroet,\nJan');
    expect(c.intent).toBe('signup');
    expect(c.attendees.map((a) => a.name)).toEqual(['Jan Jansen']);
  });
});

describe('attendees', () => {
  it('an organisation under a long "title | department" line, after the department', async () => {
    const c = await read('Hierbij meld ik mij aan voor sessie 1.\n\nMet vriendelijke groet,\n\nJan Jansen\n\nSenior beleidsmedewerker Klimaat | Afdeling Fysieke Leefomgeving\n\nGemeente Zeewolde\n\nT 036 123 45 67');
    expect(c.attendees[0]!.organisation).toBe('Gemeente Zeewolde');
  });

  it('"Hoogachtend" and "With kind regards" end the message', async () => {
    const nl = await read('Graag meld ik mij af voor sessie 2.\n\nHoogachtend,\n\nJ. Jansen\n\nProjectleider\n\nGemeente Putten', reply);
    expect(nl.attendees[0]!.organisation).toBe('Gemeente Putten');
    const en = await read('I would like to register for session 1.\n\nWith kind regards\nJan Jansen\nBürgerenergie Nordheide eG', 'Registration');
    expect(en.attendees[0]!.organisation).toBe('Bürgerenergie Nordheide eG');
  });

  it('a compound organisation word and an initialism keep their form', async () => {
    const c = await read('Namens Energiecoöperatie Dorpsstroom U.A. meld ik mij aan voor sessie 4.\n\nGroet,\nJan');
    expect(c.attendees[0]!.organisation).toBe('Energiecoöperatie Dorpsstroom U.A.');
  });

  it('"drie raadsleden van de gemeente X" gives X to the group', async () => {
    const c = await read('Wij komen met twee raadsleden van de gemeente Urk naar sessie 2:\n- Jan Jansen (ikzelf)\n- Kees Post, k.post@example.nl\n\nGraag ons allebei aanmelden.\n\nGroet,\nJan Jansen');
    expect(c.attendees.map((a) => a.organisation)).toEqual(['gemeente Urk', 'gemeente Urk']);
  });

  it('a secretary booking an alderman: the title is not part of the name, the booker is no attendee', async () => {
    const c = await read('Wethouder Petra Zandstra van de gemeente Elburg komt graag naar sessie 3. Wilt u haar aanmelden? Haar e-mailadres is p.zandstra@example.nl.\n\nGroet,\nJan Jansen\nSecretariaat', 'Aanmelding');
    expect(c.attendees).toEqual([{ name: 'Petra Zandstra', email: 'p.zandstra@example.nl', organisation: 'gemeente Elburg' }]);
  });

  it('an assistant who will not attend herself books "Dr." someone, "Director at" their organisation', async () => {
    const c = await read("I'm writing on behalf of Dr. Omar Haddad, Director at Greenfield Advisory. Could you please register him for session 2? His email is o.haddad@example.com.\n\nI won't be attending myself.\n\nBest regards,\nJan Jansen", 'Registration');
    expect(c.attendees).toEqual([{ name: 'Omar Haddad', email: 'o.haddad@example.com', organisation: 'Greenfield Advisory' }]);
  });

  it('"neither my colleague (cc) nor I can make it … cancel both our registrations" cancels both', async () => {
    const c = await read('Neither my colleague Sam (cc) nor I can make it on 11 February. Could you please cancel both our registrations?', reply, 'Jan Jansen <jan@example.nl>', 'Cc: Sam Visser <sam@example.nl>\n');
    expect(c.attendees.map((a) => a.email)).toEqual(['jan@example.nl', 'sam@example.nl']);
  });
});
