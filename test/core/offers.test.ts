import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { Draft } from '../../src/core/draft.ts';
import { effectiveEvents } from '../../src/core/events.ts';
import { acceptsOffer, expireOffers } from '../../src/core/offers.ts';
import type { ReplySpec } from '../../src/core/state.ts';
import { DOMAIN, EVENTS, simpleMail, TestDesk } from '../helpers/desk.ts';

/** One seat in sessie-2 (13.30 on 11 February 2027), no registration deadline, so late signups are possible. */
const ONE_SEAT = EVENTS.map((e) => ({ ...e, capacity: 1, registrationDeadline: undefined }));
let seq = 0;

/** a@x.nl confirmed, then b and c on the waitlist; returns a's confirmation Message-ID. */
function fullSession(): { desk: TestDesk; confirmation: string } {
  const desk = new TestDesk(ONE_SEAT);
  const [confirmed] = desk.replies(desk.receive(simpleMail('a@x.nl', 'Graag meld ik me aan voor sessie 2.', 'a-signup@x.nl')));
  desk.receive(simpleMail('b@x.nl', 'Graag meld ik me aan voor sessie 2.', 'b-signup@x.nl'));
  desk.receive(simpleMail('c@x.nl', 'Graag meld ik me aan voor sessie 2.', 'c-signup@x.nl'));
  return { desk, confirmation: confirmed!.messageId };
}

function cancelAt(desk: TestDesk, confirmation: string, at: string): ReplySpec[] {
  desk.now = new Date(at);
  return desk.replies(desk.receive(simpleMail('a@x.nl', 'Ik meld me af voor sessie 2.', `a-cancel-${++seq}@x.nl`, { inReplyTo: confirmation, references: [confirmation], subject: 'Re: Bevestiging' })));
}

function reply(desk: TestDesk, from: string, text: string, to: ReplySpec) {
  return desk.receive(simpleMail(from, text, `${from}-reply-${++seq}`, { inReplyTo: to.messageId, references: [to.messageId], subject: `Re: ${to.kind}` }));
}

function expire(desk: TestDesk, at: string): ReplySpec[] {
  desk.now = new Date(at);
  const draft = new Draft(desk.state, { key: `tick:${at}`, now: desk.now }, DOMAIN);
  expireOffers(draft, effectiveEvents(desk.events, desk.state), desk.config.promotion);
  desk.state = applyActions(desk.state, draft.actions, draft.cause);
  return draft.actions.flatMap((a) => (a.type === 'send' ? [a.reply] : []));
}

const reg = (desk: TestDesk, email: string) => desk.state.registrations.find((r) => r.email === email)!;

describe('late promotions', () => {
  it('still promotes at once when a seat frees up more than a day before the start', () => {
    const { desk, confirmation } = fullSession();
    const replies = cancelAt(desk, confirmation, '2027-02-10T12:00:00+01:00');
    expect(replies.map((r) => [r.kind, r.to.address])).toEqual([['cancelled', 'a@x.nl'], ['promoted', 'b@x.nl']]);
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['b@x.nl'], waitlist: ['c@x.nl'] });
  });

  it('offers a seat freed within a day of the start, holding it until the deadline', () => {
    const { desk, confirmation } = fullSession();
    const replies = cancelAt(desk, confirmation, '2027-02-11T08:00:00+01:00');
    expect(replies.map((r) => [r.kind, r.to.address])).toEqual([['cancelled', 'a@x.nl'], ['seat-offer', 'b@x.nl']]);
    expect(replies[1]!.vars.deadline).toBe('donderdag 11 februari 2027 om 12.00 uur');
    expect(reg(desk, 'b@x.nl')).toMatchObject({ status: 'waitlisted', offer: { mailId: replies[1]!.messageId, expiresAt: '2027-02-11T11:00:00.000Z' } });
    // The offered seat is not free for a newcomer.
    const late = desk.replies(desk.receive(simpleMail('d@x.nl', 'Graag meld ik me aan voor sessie 2.', 'd-signup@x.nl')));
    expect(late.map((r) => r.kind)).toEqual(['waitlisted']);
  });

  it('never lets an offer run past the start', () => {
    const { desk, confirmation } = fullSession();
    const [, offer] = cancelAt(desk, confirmation, '2027-02-11T11:00:00+01:00');
    expect(reg(desk, 'b@x.nl').offer!.expiresAt).toBe('2027-02-11T12:30:00.000Z');
    expect(offer!.vars.deadline).toBe('donderdag 11 februari 2027 om 13.30 uur');
  });

  it('gives the seat to whoever answers the offer with "ja", with the calendar mail threaded on their reply', () => {
    const { desk, confirmation } = fullSession();
    const [, offer] = cancelAt(desk, confirmation, '2027-02-11T08:00:00+01:00');
    desk.now = new Date('2027-02-11T09:00:00+01:00');
    const d = reply(desk, 'b@x.nl', 'Ja, graag! Ik kom.', offer!);
    expect(d.summary).toBe(`offer:accepted:${reg(desk, 'b@x.nl').id}`);
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['b@x.nl'], waitlist: ['c@x.nl'] });
    const [promoted] = desk.replies(d);
    expect(promoted).toMatchObject({ kind: 'promoted', to: { address: 'b@x.nl' }, inReplyTo: d.key });
    // Accepted: the deadline passing later changes nothing.
    expect(expire(desk, '2027-02-11T12:00:00+01:00')).toEqual([]);
    expect(desk.status('sessie-2').confirmed).toEqual(['b@x.nl']);
  });

  it('does not give the seat to someone else quoting the offer, nor for a "ja, maar ik kan niet"', () => {
    const { desk, confirmation } = fullSession();
    const [, offer] = cancelAt(desk, confirmation, '2027-02-11T08:00:00+01:00');
    expect(reply(desk, 'c@x.nl', 'Ja!', offer!).summary).not.toMatch(/^offer:accepted/);
    expect(reply(desk, 'b@x.nl', 'Ja, maar ik kan helaas niet.', offer!).summary).not.toMatch(/^offer:accepted/);
    expect(desk.status('sessie-2').confirmed).toEqual([]);
  });

  it('moves the seat on to the next person when the offer lapses, and never offers twice', () => {
    const { desk, confirmation } = fullSession();
    const [, offer] = cancelAt(desk, confirmation, '2027-02-11T08:00:00+01:00');
    expect(expire(desk, '2027-02-11T11:59:00+01:00')).toEqual([]);
    const next = expire(desk, '2027-02-11T12:00:00+01:00');
    expect(next.map((r) => [r.kind, r.to.address])).toEqual([['seat-offer', 'c@x.nl']]);
    expect(reg(desk, 'b@x.nl').offer!.lapsedAt).toBe('2027-02-11T11:00:00.000Z');
    // b's late "ja" no longer takes the seat that is now c's to take.
    expect(reply(desk, 'b@x.nl', 'Ja', offer!).summary).not.toMatch(/^offer:accepted/);
    expect(desk.status('sessie-2').confirmed).toEqual([]);
    // c's offer lapses at the start; nobody is left to offer it to.
    expect(expire(desk, '2027-02-11T13:30:00+01:00')).toEqual([]);
    expect(desk.state.registrations.filter((r) => r.offer && !r.offer.lapsedAt)).toEqual([]);
  });

  it('passes the seat on at once when the offered person declines with "afmelden"', () => {
    const { desk, confirmation } = fullSession();
    const [, offer] = cancelAt(desk, confirmation, '2027-02-11T08:00:00+01:00');
    const d = reply(desk, 'b@x.nl', 'Afmelden', offer!);
    expect(desk.replies(d).map((r) => [r.kind, r.to.address])).toEqual([['cancelled', 'b@x.nl'], ['seat-offer', 'c@x.nl']]);
  });

  it('promotes nobody once the event has started', () => {
    const { desk, confirmation } = fullSession();
    const replies = cancelAt(desk, confirmation, '2027-02-11T14:00:00+01:00');
    expect(replies.map((r) => r.kind)).toEqual(['cancelled']);
    expect(desk.status('sessie-2').waitlist).toEqual(['b@x.nl', 'c@x.nl']);
  });

  it('follows LATE_PROMOTION_HOURS and OFFER_HOURS from the context', () => {
    const { desk, confirmation } = fullSession();
    desk.config.promotion = { latePromotionHours: 48, offerHours: 2 };
    const replies = cancelAt(desk, confirmation, '2027-02-10T08:00:00+01:00');
    expect(replies.map((r) => r.kind)).toEqual(['cancelled', 'seat-offer']);
    expect(reg(desk, 'b@x.nl').offer!.expiresAt).toBe('2027-02-10T09:00:00.000Z');
  });
});

describe('reading an answer to an offer', () => {
  it('takes short yeses and refuses refusals', () => {
    for (const yes of ['ja', 'Ja graag', 'Yes please!', 'graag', 'Oké, ik kom', "I'll come"]) expect(acceptsOffer(yes), yes).toBe(true);
    for (const no of ['Nee', 'Ja, maar ik kan niet', 'Helaas', 'yes, unfortunately I cannot', 'Afmelden', '']) expect(acceptsOffer(no), no).toBe(false);
  });
});
