import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { effectiveEvents } from '../../src/core/events.ts';
import { tick, type TickSettings } from '../../src/core/tick.ts';
import { DOMAIN, EVENTS, simpleMail, TestDesk } from '../helpers/desk.ts';

const SETTINGS: TickSettings = {
  messageIdDomain: DOMAIN,
  reminderDays: 2,
  promotion: { latePromotionHours: 24, offerHours: 4 },
  digest: { to: ['marieke@hieropgewekt.nl'], language: 'nl', dueDay: null },
};

function run(desk: TestDesk, at: string, settings: Partial<TickSettings> = {}) {
  desk.now = new Date(at);
  const result = tick(desk.state, effectiveEvents(desk.events, desk.state), desk.now, { ...SETTINGS, ...settings });
  desk.state = applyActions(desk.state, result.actions, result.cause);
  return result;
}

const signUp = (desk: TestDesk, who: string) => desk.receive(simpleMail(who, 'Graag meld ik me aan voor sessie 2.', `${who}-signup`));

describe('tick', () => {
  it('does nothing on an ordinary quiet moment', () => {
    const desk = new TestDesk();
    signUp(desk, 'a@x.nl');
    // The first look only tidies the store (the signup's reply-log entry is older than a day).
    expect(run(desk, '2026-12-01T10:00:00+01:00').actions.map((a) => a.type)).toEqual(['prune']);
    expect(run(desk, '2026-12-01T10:01:00+01:00').actions).toEqual([]);
  });

  it('queues the digest once its time has passed, and only once that day', () => {
    const desk = new TestDesk();
    const first = run(desk, '2027-02-10T08:00:30+01:00', { digest: { ...SETTINGS.digest, dueDay: '2027-02-10' } });
    expect(first.done).toEqual({ offersLapsed: 0, promoted: 0, offered: 0, reminders: 0, digest: true, purged: 0 });
    expect(run(desk, '2027-02-10T08:01:30+01:00', { digest: { ...SETTINGS.digest, dueDay: '2027-02-10' } }).actions).toEqual([]);
  });

  it('sends the reminders that are due, once', () => {
    const desk = new TestDesk();
    signUp(desk, 'a@x.nl');
    expect(run(desk, '2027-02-09T14:00:00+01:00').done.reminders).toBe(1);
    expect(run(desk, '2027-02-09T14:01:00+01:00').done.reminders).toBe(0);
  });

  it('lets a lapsed offer move on and reports it', () => {
    const desk = new TestDesk(EVENTS.map((e) => ({ ...e, capacity: 1 })));
    const [confirmation] = desk.replies(signUp(desk, 'a@x.nl'));
    signUp(desk, 'b@x.nl');
    signUp(desk, 'c@x.nl');
    desk.now = new Date('2027-02-11T08:00:00+01:00');
    desk.receive(simpleMail('a@x.nl', 'Ik meld me af.', 'a-cancel', { inReplyTo: confirmation!.messageId }));
    const t = run(desk, '2027-02-11T12:00:00+01:00');
    expect(t.done).toMatchObject({ offersLapsed: 1, offered: 1 });
    expect(t.actions.filter((a) => a.type === 'send').map((a) => a.type === 'send' && a.reply.to.address)).toEqual(['c@x.nl']);
  });

  it('fills seats that are free while people wait, e.g. after the capacity in the events file was raised', () => {
    const desk = new TestDesk(EVENTS.map((e) => ({ ...e, capacity: 1 })));
    signUp(desk, 'a@x.nl');
    signUp(desk, 'b@x.nl');
    desk.events = desk.events.map((e) => ({ ...e, capacity: 2 }));
    const t = run(desk, '2026-12-01T10:00:00+01:00');
    expect(t.done.promoted).toBe(1);
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['a@x.nl', 'b@x.nl'], waitlist: [] });
  });

  it('is deterministic: the same state and moment give the same actions', () => {
    const desk = new TestDesk();
    signUp(desk, 'a@x.nl');
    const settings = { ...SETTINGS, digest: { ...SETTINGS.digest, dueDay: '2027-02-10' } };
    const at = new Date('2027-02-10T08:00:00+01:00');
    const events = effectiveEvents(desk.events, desk.state);
    expect(tick(desk.state, events, at, settings)).toEqual(tick(desk.state, events, at, settings));
  });
});
