// Late promotions: close to the event a freed seat is offered, and held for the person it was offered to
// until they accept or the offer lapses. Seat arithmetic must count those held seats.
import { confirmedOf, waitlistOf } from './seats.ts';
import type { DeskState, Registration } from './state.ts';
import type { EventInfo } from './types.ts';

const HOUR_MS = 60 * 60 * 1000;

export interface PromotionRules {
  /** a seat freed less than this many hours before the start is offered, not given (LATE_PROMOTION_HOURS) */
  latePromotionHours: number;
  /** how long the person has to accept an offer (OFFER_HOURS); never past the start */
  offerHours: number;
}

export const DEFAULT_PROMOTION_RULES: PromotionRules = { latePromotionHours: 24, offerHours: 4 };

/** Open: offered, neither accepted (status changes) nor lapsed. */
export function holdsOffer(r: Registration): boolean {
  return r.status === 'waitlisted' && !!r.offer && !r.offer.lapsedAt;
}

/** Confirmed people plus seats held by open offers. */
export function seatsTaken(state: DeskState, eventId: string): number {
  return confirmedOf(state, eventId).length + waitlistOf(state, eventId).filter(holdsOffer).length;
}

/** People on the waitlist still waiting: not counting those offered a seat right now. */
export function waitingCount(state: DeskState, eventId: string): number {
  return waitlistOf(state, eventId).filter((r) => !holdsOffer(r)).length;
}

export function isLatePromotion(event: EventInfo, now: Date, rules: PromotionRules): boolean {
  return Date.parse(event.start) - now.getTime() < rules.latePromotionHours * HOUR_MS;
}

export function offerDeadline(event: EventInfo, now: Date, rules: PromotionRules): Date {
  return new Date(Math.min(now.getTime() + rules.offerHours * HOUR_MS, Date.parse(event.start)));
}
