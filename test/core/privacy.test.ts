import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { tick } from '../../src/core/tick.ts';
import { simpleMail, TestDesk } from '../helpers/desk.ts';

const settings = (retentionDays: number) => ({ messageIdDomain: 'aanmeldbot.hieropgewekt.nl', reminderDays: 0, retentionDays, digest: { to: [], language: 'nl' as const, dueDay: null } });

describe('privacy', () => {
  it('purges personal data RETENTION_DAYS after an event, keeping the counts, once', () => {
    const desk = new TestDesk();
    desk.receive(simpleMail('a@x.nl', 'Ik meld me aan voor sessie 1', 'p1@x.nl'));
    desk.receive(simpleMail('b@x.nl', 'Ik meld me aan voor sessie 2', 'p2@x.nl'));
    const early = tick(desk.state, desk.events, new Date('2027-02-12T12:00:00+01:00'), settings(30));
    expect(early.actions.filter((a) => a.type === 'purge-event')).toEqual([]);
    const now = new Date('2027-02-14T12:00:00+01:00'); // sessie-1 ended 2027-01-14: 31 days ago
    const result = tick(desk.state, desk.events, now, settings(30));
    expect(result.actions.filter((a) => a.type === 'purge-event')).toEqual([{ type: 'purge-event', eventId: 'sessie-1' }]);
    const state = applyActions(desk.state, result.actions, result.cause);
    const s1 = state.registrations.find((r) => r.eventId === 'sessie-1')!;
    expect(s1).toMatchObject({ name: null, email: null, organisation: null, phone: null, status: 'confirmed' });
    expect(state.registrations.find((r) => r.eventId === 'sessie-2')!.email).toBe('b@x.nl');
    expect(JSON.stringify(state.outbox)).not.toContain('a@x.nl');
    expect(tick(state, desk.events, now, settings(30)).actions.filter((a) => a.type === 'purge-event')).toEqual([]);
  });

  it('deletes a person\'s data on a proven request and confirms it; an unproven one waits for people', () => {
    const desk = new TestDesk(desk_events());
    const signup = desk.receive(simpleMail('a@x.nl', 'Ik meld me aan voor sessie 2', 'e1@x.nl'));
    desk.receive(simpleMail('b@x.nl', 'Ik meld me aan voor sessie 2', 'e2@x.nl'));
    const unproven = desk.receive(simpleMail('a@x.nl', 'Wilt u mijn gegevens verwijderen? Verwijder mijn gegevens alstublieft.', 'e3@x.nl'));
    expect(unproven.summary).toBe('left:erasure-unproven');
    const ourMail = desk.replies(signup)[0]!.messageId;
    const proven = desk.receive(simpleMail('a@x.nl', 'Verwijder mijn gegevens alstublieft.', 'e4@x.nl', { inReplyTo: ourMail, references: [ourMail] }));
    expect(proven.summary).toBe('erased');
    expect(desk.replies(proven).map((r) => r.kind)).toEqual(['cancelled', 'promoted', 'erased']);
    expect(JSON.stringify(desk.state.registrations)).not.toContain('a@x.nl');
    expect(desk.status('sessie-2').confirmed).toEqual(['b@x.nl']);
  });
});

function desk_events() {
  return new TestDesk().events.map((e) => ({ ...e, capacity: 1 }));
}

describe('store size', () => {
  it('drops sent mail after two days and reply-log entries after a day, keeping what is still needed', () => {
    const desk = new TestDesk();
    desk.receive(simpleMail('a@x.nl', 'Ik meld me aan voor sessie 2', 's1@x.nl'));
    // As the worker leaves it after sending and copying: status sent, bytes dropped.
    desk.state = { ...desk.state, outbox: desk.state.outbox.map((o) => ({ ...o, status: 'sent' as const, raw: null, sentAt: desk.now.toISOString() })) };
    const soon = tick(desk.state, desk.events, new Date(desk.now.getTime() + 3_600_000), settings(30));
    expect(soon.actions.filter((a) => a.type === 'prune')).toEqual([]);
    const later = new Date(desk.now.getTime() + 3 * 86_400_000);
    const result = tick(desk.state, desk.events, later, settings(30));
    const state = applyActions(desk.state, result.actions, result.cause);
    expect(state.outbox).toEqual([]);
    expect(state.replyLog).toEqual({});
    expect(state.registrations).toHaveLength(1);
    expect(tick(state, desk.events, later, settings(30)).actions.filter((a) => a.type === 'prune')).toEqual([]);
  });
});
