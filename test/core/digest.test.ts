import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/core/digest.ts';
import { effectiveEvents } from '../../src/core/events.ts';
import { EVENTS, simpleMail, TestDesk } from '../helpers/desk.ts';
import { fixture } from '../helpers/fixture.ts';

const PROVEN = { 'authentication-results': ['mx.hieropgewekt.nl; dkim=pass header.d=hieropgewekt.nl; dmarc=pass header.from=hieropgewekt.nl'] };
const SINCE = '2026-11-26T18:00:00+01:00';
const DIGEST_AT = new Date('2026-11-28T08:00:00+01:00');

/** Before SINCE: a and b take sessie-2's two seats. After: Henk phoned in, a removed, a question left. */
async function busyDay() {
  const desk = new TestDesk(EVENTS.map((e) => ({ ...e, capacity: 2 })));
  desk.receive(simpleMail('a@x.nl', 'Graag meld ik me aan voor sessie 2.', 'a-1@x.nl'));
  desk.receive(simpleMail('b@x.nl', 'Graag meld ik me aan voor sessie 2.', 'b-1@x.nl'));
  desk.receive(await fixture('desk/question.eml'));
  desk.now = new Date('2026-11-27T09:00:00+01:00');
  desk.receive(await fixture('desk/organiser-phone-proven.eml'));
  desk.receive(simpleMail('marieke@hieropgewekt.nl', 'verwijder a@x.nl', 'org-rm@hieropgewekt.nl', { headers: PROVEN }));
  desk.receive(simpleMail('c@x.nl', 'Graag meld ik me aan voor sessie 3.', 'c-1@x.nl'));
  desk.receive(simpleMail('joris@x.nl', 'Hoe laat begint het?', 'q-2@x.nl', { subject: 'Vraag over de tijd' }));
  return desk;
}

const digestOf = (desk: TestDesk, language: 'nl' | 'en' = 'nl') =>
  buildDigest(desk.state, effectiveEvents(desk.events, desk.state), { since: SINCE, now: DIGEST_AT, language });

describe('daily digest', () => {
  it('shows seats and waitlist per upcoming event and what changed since the last digest', async () => {
    const digest = digestOf(await busyDay());
    expect(digest.subject).toBe('Dagoverzicht aanmeldingen zaterdag 28 november 2026');
    const sessie2 = digest.text.split('\n\n').find((s) => s.startsWith('Kennissessie 2'))!;
    expect(sessie2.split('\n')).toEqual([
      'Kennissessie 2: Rolverdeling: warmte-initiatief en gemeente in de duurzame wijk (donderdag 11 februari 2027, 13.30–18.00 uur)',
      '  Plekken: 2 van 2 bezet, wachtlijst: 0',
      '  Sinds het vorige overzicht:',
      '    op de wachtlijst (1): Henk Visser (via organisator)',
      '    afgemeld (1): a@x.nl',
      '    van de wachtlijst naar een plek (1): Henk Visser (via organisator)',
    ]);
    expect(digest.text).toContain('Kennissessie 3: De businesscase van een wijkwarmtebedrijf (donderdag 11 maart 2027, 13.30–18.00 uur)\n  Plekken: 1 van 2 bezet, wachtlijst: 0\n  Sinds het vorige overzicht:\n    aangemeld (1): c@x.nl');
    expect(digest.text).toContain('Kennissessie 1: Democratie en participatie in de warmtetransitie (donderdag 14 januari 2027, 13.30–18.00 uur)\n  Plekken: 0 van 2 bezet, wachtlijst: 0\n  Geen wijzigingen sinds het vorige overzicht.');
  });

  it('lists the mails left for people since the last digest, not older ones', async () => {
    const digest = digestOf(await busyDay());
    expect(digest.text).toContain('Mail voor mensen (1), staat nog in de inbox:\n  - Vraag over de tijd\n');
    expect(digest.text).not.toContain('Parkeren bij ANNE?');
  });

  it('reports mail that could not be sent and addresses that bounce', async () => {
    const desk = await busyDay();
    desk.state = {
      ...desk.state,
      outbox: desk.state.outbox.map((o, i) => (i === 0 ? { ...o, status: 'failed' as const, lastError: 'SMTP_PERMANENT: 550 no such user' } : o)),
      registrations: desk.state.registrations.map((r) => (r.email === 'b@x.nl' ? { ...r, undeliverable: true } : r)),
    };
    const digest = digestOf(desk);
    expect(digest.text).toContain('Bezorgproblemen:\n  - Mail aan a@x.nl niet verzonden (confirmed, sessie-2): SMTP_PERMANENT: 550 no such user\n  - Adres onbereikbaar: (geen naam) <b@x.nl> (sessie-2); neem contact op via een ander kanaal\n');
    expect(digestOf(await busyDay()).text).toContain('Geen bezorgproblemen.');
  });

  it('leaves out events that are over and writes English when asked', async () => {
    const desk = await busyDay();
    const digest = buildDigest(desk.state, desk.events, { since: SINCE, now: new Date('2027-01-15T08:00:00+01:00'), language: 'en' });
    expect(digest.subject).toBe('Registration digest Friday, 15 January 2027');
    expect(digest.text).not.toContain('Kennissessie 1');
    expect(digest.text).toContain('(Thursday, 11 February 2027, 13:30–18:00)\n  Seats: 2 of 2 taken, waiting list: 0\n  Since the previous digest:\n    on the waiting list (1): Henk Visser (via organiser)\n');
    expect(digest.text).toContain('(Thursday, 8 April 2027, 13:30–18:00)\n  Seats: 0 of 2 taken, waiting list: 0\n  No changes since the previous digest.');
  });

  it('attaches every registration of the upcoming events as a CSV Excel reads', async () => {
    const { csv } = digestOf(await busyDay());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFevent,status,position,name,email,organisation,phone,source,registered_at,undeliverable');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'sessie-2,confirmed,1,,b@x.nl',
      'sessie-2,confirmed,2,Henk Visser,',
      'sessie-3,confirmed,1,,c@x.nl',
    ]);
    expect(lines.at(-1)).toBe('');
  });
});
