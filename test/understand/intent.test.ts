import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import type { EventInfo } from '../../src/core/types.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

async function intentOf(body: string, subject = 'Kennissessie', extraHeaders = ''): Promise<string> {
  const raw = `From: Jan Jansen <jan@example.nl>\nTo: info@hieropgewekt.nl\nSubject: ${subject}\nMessage-ID: <t@example.nl>\n${extraHeaders}Content-Type: text/plain; charset=utf-8\n\n${body}\n`;
  return classify(await parseMail(Buffer.from(raw)), events, opts).intent;
}

describe('signup', () => {
  it.each([
    'Graag meld ik mij aan voor de kennissessie op 11 februari.',
    'Hierbij meld ik mij en mijn collega Piet de Vries (piet.devries@example.nl) aan voor sessie 2.',
    'Ik wil me graag aanmelden voor sessie 3.',
    'Kunt u mij aanmelden voor de derde sessie?',
    'Schrijf mij maar in voor de sessie over de businesscase.',
    'Ik kom graag naar de bijeenkomst op 14 januari.',
    'Wij willen graag deelnemen met twee personen.',
    'Hierbij mijn aanmelding voor kennissessie 4.',
    'I would like to register for session 2.',
    'Could you please sign me up for the session on February 11?',
    'Als er nog plek is, meld ik me graag aan.',
    'Ik wil me aanmelden. Kunt u dit bevestigen?',
    'Mag ik mij aanmelden voor de sessie op 14 januari?',
    'Ik kan zelf niet, maar wil graag mijn collega Piet (piet@example.nl) aanmelden voor sessie 2.',
    'Could you register my colleague Mark (mark@example.nl)? I am unable to attend myself.',
    'Hierbij meld ik mij aan, a.u.b. een bevestiging sturen.',
  ])('%s', async (body) => {
    expect(await intentOf(body)).toBe('signup');
  });

  it('reads the subject of a fresh mail when the body only gives details', async () => {
    expect(await intentOf('Naam: Jan Jansen\nOrganisatie: Gemeente Zeist', 'Aanmelding sessie 2')).toBe('signup');
  });
});

describe('cancel', () => {
  it.each([
    'Afmelden',
    'Helaas kan ik toch niet komen, wilt u mij afmelden?',
    'Ik moet me helaas afmelden voor sessie 2.',
    'Ik ben op 11 februari verhinderd.',
    'Ik wil mijn aanmelding annuleren.',
    'Unfortunately I cannot attend the session.',
    'Please cancel my registration.',
    'Ik had me aangemeld, maar ik kan er helaas niet bij zijn.',
    'Ik heb me aangemeld via de nieuwsbrief, maar wil me nu afmelden voor de sessie.',
    'Please cancel my spot so someone else can take my seat.',
  ])('%s', async (body) => {
    expect(await intentOf(body)).toBe('cancel');
  });

  it('reads the subject of a fresh mail with nothing in the body', async () => {
    expect(await intentOf('Zie onderwerp.', 'Afmelding sessie 2')).toBe('cancel');
  });

  it('does not read the subject of a reply', async () => {
    expect(await intentOf('Dank je!', 'Re: Bevestiging aanmelding Kennissessie 2')).toBe('other');
  });
});

describe('other', () => {
  it.each([
    ['a thank-you', 'Top, bedankt!'],
    ['a hedged cancellation', 'Misschien moet ik me afmelden, ik weet het nog niet.'],
    ['a question about cancelling', 'Kan ik me later nog afmelden?'],
    ['a conditional cancellation', 'Als het niet lukt meld ik me af.'],
    ['a question about signing up', 'Kan ik me nog aanmelden voor sessie 2?'],
    ['a signup with a question', 'Ik meld me aan voor sessie 2. Is er parkeergelegenheid?'],
    ['cancel one, sign up another', 'Ik meld me af voor sessie 2, maar wil me graag aanmelden voor sessie 3.'],
    ['a substitute', 'Ik kan niet, mijn collega Piet komt in mijn plaats.'],
    ['a negated cancellation', 'Ik wil me niet afmelden hoor, ik kom gewoon.'],
    ['eager words', 'Ik kan niet wachten!'],
    ['a complaint', 'Ik heb me vorige week aangemeld maar nooit een bevestiging gekregen.'],
    ['a request for information', 'Ik wil graag weten waar het precies is.'],
    ['an English question', 'How do I register for the second session?'],
    ['one request for two sessions', 'Graag aanmelden voor sessie 3 en sessie 4.'],
    ['a request for all sessions', 'Hierbij meld ik me aan voor alle vier de sessies.'],
    ['leaving the mailing list', 'Haal mij a.u.b. van jullie mailinglijst af.'],
    ['interest without a request', 'Ik heb interesse in de sessie over de businesscase.'],
  ])('%s', async (_label, body) => {
    expect(await intentOf(body)).toBe('other');
  });

  it('does not cancel on a newsletter footer', async () => {
    const body = 'Bedankt voor de informatie.\n\nMet vriendelijke groet,\nJan\n\nKlik hier om je af te melden voor deze nieuwsbrief.';
    expect(await intentOf(body)).toBe('other');
  });

  it('does not cancel on our own quoted confirmation', async () => {
    const body = "Top, bedankt!\n\nOp 5 jan. 2027 om 10:12 heeft HIER opgewekt <info@hieropgewekt.nl> het volgende geschreven:\n\n> Kun je toch niet komen?\n> Antwoord dan op deze mail met 'afmelden'.";
    expect(await intentOf(body, 'Re: Bevestiging aanmelding')).toBe('other');
  });

  it('flags erasure and leaves it to people', async () => {
    const raw = 'From: Jan <jan@example.nl>\nTo: info@hieropgewekt.nl\nSubject: AVG\nMessage-ID: <e@example.nl>\n\nWilt u al mijn gegevens verwijderen?\n';
    const c = classify(await parseMail(Buffer.from(raw)), events, opts);
    expect(c.intent).toBe('other');
    expect(c.erasure).toBe(true);
  });
});
