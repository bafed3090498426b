import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { Draft } from '../../src/core/draft.ts';
import { dueReminders } from '../../src/core/reminders.ts';
import type { ReplySpec } from '../../src/core/state.ts';
import { DOMAIN, EVENTS, simpleMail, TestDesk } from '../helpers/desk.ts';

const REMINDER_DAYS = 2;
const TWO_SEATS = EVENTS.map((e) => ({ ...e, capacity: 2 }));

function remind(desk: TestDesk, at: string, days = REMINDER_DAYS): ReplySpec[] {
  desk.now = new Date(at);
  const draft = new Draft(desk.state, { key: `tick:${at}`, now: desk.now }, DOMAIN);
  dueReminders(draft, desk.events, days);
  desk.state = applyActions(desk.state, draft.actions, draft.cause);
  return draft.actions.flatMap((a) => (a.type === 'send' ? [a.reply] : []));
}

function signUp(desk: TestDesk, who: string, session = 2) {
  return desk.receive(simpleMail(who, `Graag meld ik me aan voor sessie ${session}.`, `${who}-${session}`));
}

describe('reminders', () => {
  it('reminds every confirmed attendee N days before their event, once, in their language', () => {
    const desk = new TestDesk(TWO_SEATS);
    signUp(desk, 'a@x.nl');
    desk.receive(simpleMail('en@x.org', 'I would like to register for session 2.', 'en-2'));
    signUp(desk, 'waiting@x.nl');
    signUp(desk, 'a@x.nl', 3);
    // sessie-2 starts 11 February 13.30: the reminder is due from 9 February 13.30.
    expect(remind(desk, '2027-02-09T13:29:00+01:00')).toEqual([]);
    const sent = remind(desk, '2027-02-09T13:30:00+01:00');
    expect(sent.map((r) => [r.kind, r.to.address, r.eventId, r.language])).toEqual([
      ['reminder', 'a@x.nl', 'sessie-2', 'nl'],
      ['reminder', 'en@x.org', 'sessie-2', 'en'],
    ]);
    expect(desk.state.registrations.filter((r) => r.remindedAt).map((r) => r.email)).toEqual(['a@x.nl', 'en@x.org']);
    expect(remind(desk, '2027-02-10T09:00:00+01:00')).toEqual([]);
  });

  it('does not remind cancelled, waitlisted, erased or undeliverable people, nor after the start', () => {
    const desk = new TestDesk(EVENTS.map((e) => ({ ...e, capacity: 4 })));
    ['a@x.nl', 'bounced@x.nl', 'cancelled@x.nl', 'erased@x.nl', 'waiting@x.nl'].forEach((p) => signUp(desk, p));
    desk.state = {
      ...desk.state,
      registrations: desk.state.registrations.map((r) =>
        r.email === 'bounced@x.nl' ? { ...r, undeliverable: true }
        : r.email === 'cancelled@x.nl' ? { ...r, status: 'cancelled' as const }
        : r.email === 'erased@x.nl' ? { ...r, email: null, name: null }
        : r),
    };
    expect(remind(desk, '2027-02-11T13:30:00+01:00')).toEqual([]);
    expect(remind(desk, '2027-02-10T13:30:00+01:00').map((r) => r.to.address)).toEqual(['a@x.nl']);
  });

  it('skips people confirmed after the reminder moment: their confirmation is fresh', () => {
    const desk = new TestDesk(TWO_SEATS);
    signUp(desk, 'early@x.nl');
    desk.now = new Date('2027-02-09T20:00:00+01:00');
    signUp(desk, 'fresh@x.nl');
    expect(remind(desk, '2027-02-10T09:00:00+01:00').map((r) => r.to.address)).toEqual(['early@x.nl']);
  });

  it('follows REMINDER_DAYS', () => {
    const desk = new TestDesk(TWO_SEATS);
    signUp(desk, 'a@x.nl');
    expect(remind(desk, '2027-02-07T14:00:00+01:00', 4).map((r) => r.to.address)).toEqual(['a@x.nl']);
  });
});
