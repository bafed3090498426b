import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

async function attendees(headers: string, body: string) {
  const raw = `To: info@hieropgewekt.nl\nMessage-ID: <a1@example.nl>\n${headers}\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
  const c = classify(await parseMail(Buffer.from(raw)), events, opts);
  return { intent: c.intent, people: c.attendees.map((a) => [a.name, a.email, a.organisation]) };
}

describe('attendees', () => {
  it('is the sender, named by the display name, with the organisation under the name in the signature', async () => {
    const r = await attendees('From: Sanne de Vries <sanne@amersfoort.nl>\nSubject: Aanmelding', 'Graag meld ik mij aan voor sessie 2.\n\nMet vriendelijke groet,\n\nSanne de Vries\nBeleidsadviseur\nGemeente Amersfoort\nT 033 123 45 67');
    expect(r).toEqual({ intent: 'signup', people: [['Sanne de Vries', 'sanne@amersfoort.nl', 'Gemeente Amersfoort']] });
  });

  it('adds colleagues named with their address, in order', async () => {
    const r = await attendees('From: Erik Mulder <erik@zeist.nl>\nSubject: Sessie 1', 'Ik meld mij aan, en ook mijn collega\'s Sanne (sanne@zeist.nl) en Piet Jansen <piet@zeist.nl>.');
    expect(r.people.map((p) => p[1])).toEqual(['erik@zeist.nl', 'sanne@zeist.nl', 'piet@zeist.nl']);
    expect(r.people[1]![0]).toBe('Sanne');
    expect(r.people[2]![0]).toBe('Piet Jansen');
  });

  it('registers only the colleague when the sender does not come', async () => {
    const r = await attendees('From: Laura <laura@x.nl>\nSubject: Session 2', 'Could you please register my colleague Mark de Boer (mark@x.nl) for session 2? I cannot attend myself.');
    expect(r).toEqual({ intent: 'signup', people: [['Mark de Boer', 'mark@x.nl', null]] });
  });

  it('adds Cc colleagues only when the mail speaks of them', async () => {
    const withCue = await attendees('From: Joost <joost@x.nl>\nCc: Fatima El Amrani <fatima@x.nl>\nSubject: Sessie 3', 'Wij komen graag met z\'n tweeën: ikzelf en mijn collega (in cc).');
    expect(withCue.people.map((p) => p[1])).toEqual(['joost@x.nl', 'fatima@x.nl']);
    const withoutCue = await attendees('From: Joost <joost@x.nl>\nCc: Baas <baas@x.nl>\nSubject: Sessie 3', 'Ik meld mij graag aan voor sessie 3.');
    expect(withoutCue.people.map((p) => p[1])).toEqual(['joost@x.nl']);
  });

  it('takes a colleague from a forwarded mail', async () => {
    const body = 'Hieronder het verzoek van mijn collega Lotte. Kunnen jullie ons allebei aanmelden voor sessie 2?\n\nGroet,\nMarco\n\n---------- Doorgestuurd bericht ---------\nVan: Lotte Smit <lotte@x.nl>\nDate: wo 2 dec 2026\nSubject: sessie\nTo: Marco <marco@x.nl>\n\nWil jij ons aanmelden?';
    const r = await attendees('From: Marco Visser <marco@x.nl>\nSubject: Fwd: sessie', body);
    expect(r.people.map((p) => [p[0], p[1]])).toEqual([['Marco Visser', 'marco@x.nl'], ['Lotte Smit', 'lotte@x.nl']]);
  });

  it('lists the caller, not the staff member, for a phone registration', async () => {
    const body = 'Telefonische aanmelding:\nNaam: Wim de Graaf\nOrganisatie: Buurtvereniging De Bongerd\nE-mail: -\nTelefoon: 030 234 56 78\nVoor: sessie 4\n\nMarieke';
    const r = await attendees('From: Marieke Bos <marieke@hieropgewekt.nl>\nSubject: Telefonische aanmelding', body);
    expect(r).toEqual({ intent: 'signup', people: [['Wim de Graaf', null, 'Buurtvereniging De Bongerd']] });
  });

  it('reads a free-text phone note from staff', async () => {
    const body = 'Net gebeld met Ingrid Postma van Energiecoöperatie Zuidwest. Ze wil graag komen op 14 januari. Haar mailadres is ingrid@ziggo.nl. Kun je haar aanmelden?\n\nMarieke';
    const r = await attendees('From: Marieke Bos <marieke@hieropgewekt.nl>\nSubject: Aanmelding', body);
    expect(r).toEqual({ intent: 'signup', people: [['Ingrid Postma', 'ingrid@ziggo.nl', 'Energiecoöperatie Zuidwest']] });
  });

  it('gives a group\'s organisation to everyone in it', async () => {
    const r = await attendees('From: Noor Hoekstra <noor@lombok.nl>\nSubject: Aanmelding', 'Kees en ik komen namens Buurtwarmte Lombok op 11-2.\nKees Brouwer, kees@lombok.nl\n\nNoor');
    expect(r.people).toEqual([['Noor Hoekstra', 'noor@lombok.nl', 'Buurtwarmte Lombok'], ['Kees Brouwer', 'kees@lombok.nl', 'Buurtwarmte Lombok']]);
  });

  it('is empty for other and automatic mail', async () => {
    expect((await attendees('From: Jan <jan@x.nl>\nSubject: Vraag', 'Is er parkeergelegenheid?')).people).toEqual([]);
    expect((await attendees('From: Jan <jan@x.nl>\nSubject: Automatisch antwoord: x\nAuto-Submitted: auto-replied', 'Ik ben afwezig.')).people).toEqual([]);
  });
});
