// Offers of late seats: answered by a reply to the offer mail, or lapsing at their deadline so the seat
// moves on to the next person on the waitlist.
import type { Draft } from './draft.ts';
import { DEFAULT_PROMOTION_RULES, holdsOffer, type PromotionRules } from './offer-seats.ts';
import { promoteFromWaitlist } from './operations.ts';
import type { Registration } from './state.ts';
import type { EventInfo, InboundMessage } from './types.ts';

/** "ja", "yes", "graag", "ik kom": a reply that takes the seat. */
const ACCEPTS = /^\s*(ja|yes|jazeker|graag|zeker|akkoord|prima|ok(é|e|ay)?|ik kom|i('| wi)ll come|count me in|accept(ed)?)\b/i;
/** "Ja, maar ik kan helaas niet": a refusal that happens to start with yes is no acceptance. */
const REFUSES = /\b(niet|geen|helaas|not|can'?t|cannot|unable|unfortunately)\b/i;

export function acceptsOffer(ownText: string): boolean {
  const firstLine = ownText.trim().split(/\r?\n/)[0] ?? '';
  return ACCEPTS.test(firstLine) && !REFUSES.test(firstLine);
}

/**
 * The open offer this mail answers: it references the offer mail, and comes from the address the offer
 * went to (the attendee, or the organiser who phoned them in). Our Message-ID carries that address's
 * token, so only someone who received the offer can point at it.
 */
export function offerAnswered(registrations: Registration[], msg: InboundMessage): Registration | undefined {
  const refs = [...(msg.inReplyTo ? [msg.inReplyTo] : []), ...msg.references];
  const from = msg.from?.address;
  // Most mail answers nothing of ours: no need to look through every registration.
  if (refs.length === 0 || from === undefined) return undefined;
  return registrations.find((r) => holdsOffer(r) && refs.includes(r.offer!.mailId) && from !== undefined && (r.email ?? r.notify) === from);
}

/** Offers past their deadline lapse, and their seats go to the next people (offered again, if still late). */
export function expireOffers(draft: Draft, events: EventInfo[], rules: PromotionRules = DEFAULT_PROMOTION_RULES): Registration[] {
  const now = draft.cause.now.getTime();
  const lapsed = draft.state.registrations.filter((r) => holdsOffer(r) && Date.parse(r.offer!.expiresAt) <= now);
  for (const r of lapsed) draft.push({ type: 'lapse-offer', registrationId: r.id });
  for (const eventId of new Set(lapsed.map((r) => r.eventId))) {
    const event = events.find((e) => e.id === eventId);
    if (event) promoteFromWaitlist(draft, event, rules);
  }
  return lapsed;
}
