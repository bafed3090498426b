import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/core/types.ts';
import { EVENTS, simpleMail, TestDesk } from '../helpers/desk.ts';
import { fixture } from '../helpers/fixture.ts';

const withCapacity = (capacity: number) => EVENTS.map((e) => ({ ...e, capacity }));
const PROVEN = { 'authentication-results': ['mx.hieropgewekt.nl; dkim=pass header.d=hieropgewekt.nl header.s=sel1; dmarc=pass header.from=hieropgewekt.nl'] };
let seq = 0;

/** A proven organiser's mail with this body (and subject). */
function organiser(text: string, subject = 'opdracht'): InboundMessage {
  return simpleMail('marieke@hieropgewekt.nl', text, `org-${++seq}@hieropgewekt.nl`, { subject, headers: PROVEN, from: { name: 'Marieke Bos', address: 'marieke@hieropgewekt.nl' } });
}

function signUp(desk: TestDesk, who: string) {
  return desk.receive(simpleMail(who, 'Graag meld ik me aan voor sessie 2.', `${who}-${++seq}`));
}

describe('organiser mail commands', () => {
  it('"lijst sessie 2" answers with the counts and the attendee CSV attached', async () => {
    const desk = new TestDesk(withCapacity(1));
    signUp(desk, 'a@x.nl');
    signUp(desk, 'b@x.nl');
    const d = desk.receive(await fixture('desk/organiser-list-nl.eml'));
    expect(d.summary).toBe('organiser:list');
    expect(d.disposition).toBe('file');
    const [reply] = desk.replies(d);
    expect(reply).toMatchObject({ kind: 'organiser-list', language: 'nl', to: { address: 'marieke@hieropgewekt.nl' }, inReplyTo: 'org-list-1@hieropgewekt.nl' });
    expect(reply!.vars.results).toMatch(/^sessie-2 \(Kennissessie 2: .*\): 1\/1 bezet, wachtlijst 1$/);
    expect(reply!.attachments).toHaveLength(1);
    const csv = reply!.attachments![0]!;
    expect(csv).toMatchObject({ filename: 'deelnemers-sessie-2.csv', contentType: 'text/csv; charset=utf-8' });
    expect(csv.content.startsWith('\uFEFFstatus,position,name,email')).toBe(true);
    expect(csv.content).toContain('confirmed,1,,a@x.nl');
    expect(csv.content).toContain('waitlisted,1,,b@x.nl');
  });

  it('"list" without an event lists every upcoming session, one CSV each, in English', () => {
    const desk = new TestDesk();
    const [reply] = desk.replies(desk.receive(organiser('list')));
    expect(reply!.kind).toBe('organiser-list');
    expect(reply!.language).toBe('en');
    expect(String(reply!.vars.results).split('\n')).toHaveLength(4);
    expect(reply!.attachments!.map((a) => a.filename)).toEqual(['attendees-sessie-1.csv', 'attendees-sessie-2.csv', 'attendees-sessie-3.csv', 'attendees-sessie-4.csv']);
  });

  it('runs several commands from the top of the mail in order and answers them in one mail', async () => {
    const desk = new TestDesk(withCapacity(1));
    desk.receive(await fixture('desk/signup-nl.eml'));
    signUp(desk, 'wacht@x.nl');
    const d = desk.receive(await fixture('desk/organiser-commands-nl.eml'));
    expect(d.summary).toBe('organiser:add,remove,capacity');
    // Henk was waitlisted behind wacht@x.nl; Sanne's cancellation promoted wacht@x.nl; capacity 2 promoted Henk.
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['wacht@x.nl', 'henk.visser@buurtwarmte-zuid.nl'], waitlist: [] });
    const henk = desk.state.registrations.find((r) => r.email === 'henk.visser@buurtwarmte-zuid.nl')!;
    expect(henk).toMatchObject({ name: 'Henk Visser', organisation: 'Buurtwarmte Zuid', source: 'organiser', language: 'nl' });
    const replies = desk.replies(d).map((r) => [r.kind, r.to.address]);
    expect(replies).toEqual([
      ['waitlisted', 'henk.visser@buurtwarmte-zuid.nl'],
      ['cancelled', 'sanne.devries@gemeente-utrecht.nl'],
      ['promoted', 'wacht@x.nl'],
      ['promoted', 'henk.visser@buurtwarmte-zuid.nl'],
      ['organiser-ack', 'marieke@hieropgewekt.nl'],
    ]);
    expect(String(desk.replies(d).at(-1)!.vars.results).split('\n')).toEqual([
      'Henk Visser <henk.visser@buurtwarmte-zuid.nl>: op de wachtlijst voor sessie-2.',
      'Sanne de Vries <sanne.devries@gemeente-utrecht.nl>: afgemeld voor sessie-2.',
      'Capaciteit sessie-2: 1 → 2.',
      '1 van de wachtlijst doorgeschoven (en gemaild).',
    ]);
  });

  it('reads commands in an HTML-only mail, not as a staff signup', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/organiser-command-en-html.eml'));
    expect(d.summary).toBe('organiser:add,close');
    expect(desk.status('sessie-2').confirmed).toEqual(['priya.shah@buurtwarmte.org']);
    expect(desk.state.eventOverrides['sessie-3']).toEqual({ closed: true });
    expect(desk.replies(d).map((r) => [r.kind, r.language])).toEqual([['confirmed', 'en'], ['organiser-ack', 'en']]);
  });

  it('lowering the capacity never drops confirmed people; new signups wait', () => {
    const desk = new TestDesk(withCapacity(3));
    ['a@x.nl', 'b@x.nl', 'c@x.nl'].forEach((p) => signUp(desk, p));
    const d = desk.receive(organiser('capaciteit van sessie 2 naar 1'));
    expect(String(desk.replies(d)[0]!.vars.results)).toContain('Er zijn al 3 bevestigde aanmeldingen: niemand wordt afgemeld');
    expect(desk.status('sessie-2').confirmed).toHaveLength(3);
    signUp(desk, 'd@x.nl');
    expect(desk.status('sessie-2').waitlist).toEqual(['d@x.nl']);
    // A cancellation now frees no seat: 2 confirmed is still above the capacity of 1.
    desk.receive(organiser('verwijder a@x.nl'));
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['b@x.nl', 'c@x.nl'], waitlist: ['d@x.nl'] });
  });

  it('close refuses new signups, reopen takes them again; the override is what later mail sees', () => {
    const desk = new TestDesk();
    desk.receive(organiser('sluit aanmelding voor sessie 2'));
    expect(desk.replies(signUp(desk, 'a@x.nl')).map((r) => r.kind)).toEqual(['closed']);
    const d = desk.receive(organiser('heropen sessie-2'));
    expect(desk.replies(d)[0]!.vars.results).toBe('Aanmelding voor sessie-2 heropend.');
    expect(desk.replies(signUp(desk, 'a@x.nl')).map((r) => r.kind)).toEqual(['confirmed']);
  });

  it('adding to a closed session tells only the organiser', () => {
    const desk = new TestDesk();
    desk.receive(organiser('sluit sessie 2'));
    const d = desk.receive(organiser('voeg toe Piet <piet@x.nl> sessie 2'));
    expect(desk.replies(d).map((r) => [r.kind, r.to.address])).toEqual([['organiser-ack', 'marieke@hieropgewekt.nl']]);
    expect(desk.replies(d)[0]!.vars.results).toBe('Piet <piet@x.nl>: niet aangemeld: aanmelding gesloten voor sessie-2.');
    expect(desk.state.registrations).toEqual([]);
  });

  it('asks which session when the address is registered for more than one, and answers unknown sessions', () => {
    const desk = new TestDesk();
    desk.receive(simpleMail('a@x.nl', 'Graag meld ik me aan voor sessie 2.', 'a2@x.nl'));
    desk.receive(simpleMail('a@x.nl', 'Graag meld ik me aan voor sessie 3.', 'a3@x.nl'));
    const d = desk.receive(organiser('verwijder a@x.nl\ncapaciteit sessie 9 10'));
    expect(String(desk.replies(d)[0]!.vars.results).split('\n')).toEqual([
      'a@x.nl is aangemeld voor sessie-2 en sessie-3: noem de sessie, bijvoorbeeld "verwijder a@x.nl sessie-2".',
      'Sessie "sessie 9" ken ik niet; bekend zijn: sessie-1, sessie-2, sessie-3, sessie-4.',
    ]);
    expect(desk.state.registrations.every((r) => r.status === 'confirmed')).toBe(true);
    expect(desk.state.eventOverrides).toEqual({});
  });

  it('does not take a forged organiser\'s commands', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/organiser-command-forged.eml'));
    expect(d.summary).not.toMatch(/^organiser:/);
    expect(desk.replies(d)).toEqual([]);
    expect(desk.state.eventOverrides).toEqual({});
  });

  it('leaves an organiser\'s ordinary mail that merely starts with a command word to the usual path', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/organiser-not-a-command-nl.eml'));
    expect(d.summary).not.toMatch(/^organiser:/);
    expect(d.disposition).toBe('leave');
    expect(desk.replies(d)).toEqual([]);
  });

  it('still registers a phoned-in caller when the mail holds no command', async () => {
    const desk = new TestDesk();
    desk.receive(await fixture('desk/organiser-phone-proven.eml'));
    expect(desk.state.registrations[0]).toMatchObject({ name: 'Henk Visser', source: 'organiser' });
  });
});
