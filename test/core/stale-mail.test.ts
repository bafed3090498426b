// Handled records are kept 90 days; mail older than that is never acted on, so a mailbox restored from a
// backup (or a new UIDVALIDITY) cannot make the desk answer a request it may have answered long ago.
import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { Draft } from '../../src/core/draft.ts';
import { HANDLED_KEEP_MS, pruneStore } from '../../src/core/retention.ts';
import { emptyState } from '../../src/core/state.ts';
import { fixture } from '../helpers/fixture.ts';
import { NOW, TestDesk } from '../helpers/desk.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('mail older than the handled records', () => {
  it('is left for people, without a reply or a registration', async () => {
    const desk = new TestDesk();
    const decision = desk.receive(await fixture('desk/signup-stale-backup.eml'));
    expect([decision.summary, decision.disposition]).toEqual(['left:stale', 'leave']);
    expect(desk.replies(decision)).toEqual([]);
    expect(desk.state.registrations).toEqual([]);
  });

  it("counts the mailbox's arrival time, not the sender's Date header (a phone whose clock was reset)", async () => {
    const desk = new TestDesk();
    const msg = { ...(await fixture('desk/signup-stale-backup.eml')), arrivedAt: new Date(NOW.getTime() - 60_000).toISOString() };
    expect(desk.receive(msg).summary).toMatch(/^signup:sessie-2:/);
    const restored = { ...(await fixture('desk/signup-stale-backup.eml')), date: NOW.toISOString(), arrivedAt: '2026-08-03T07:12:00.000Z' };
    expect(new TestDesk().receive(restored).summary).toBe('left:stale');
  });

  it('but the same mail dated within the window is answered as usual', async () => {
    const desk = new TestDesk();
    desk.now = new Date(Date.parse('2026-08-03T09:12:00+02:00') + HANDLED_KEEP_MS - DAY_MS);
    const decision = desk.receive(await fixture('desk/signup-stale-backup.eml'));
    expect(decision.summary).toMatch(/^signup:sessie-2:/);
  });
});

describe('handled records', () => {
  it('older than 90 days are pruned, newer ones kept', () => {
    const at = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
    const state = { ...emptyState('s'), handled: { old: { at: at(91), outcome: 'handled' as const, summary: 's' }, recent: { at: at(89), outcome: 'left' as const, summary: 'l' } } };
    const draft = new Draft(state, { key: 'tick', now: NOW }, 'aanmeldbot.hieropgewekt.nl');
    expect(pruneStore(draft)).toBe(true);
    const next = applyActions(state, draft.actions, { key: 'tick', now: NOW });
    expect(Object.keys(next.handled)).toEqual(['recent']);
  });
});
