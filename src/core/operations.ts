// The desk's rules, shared by mail (decide.ts) and the organiser's CLI: same rules, same mails.
import { type Draft, NO_THREAD, type ReplyContext } from './draft.ts';
import { registrationOpen } from './events.ts';
import { formatMoment } from './local-day.ts';
import { DEFAULT_PROMOTION_RULES, holdsOffer, isLatePromotion, offerDeadline, type PromotionRules, seatsTaken } from './offer-seats.ts';
import { findActive, waitlistOf, waitlistPosition } from './seats.ts';
import type { Registration, RegistrationSource } from './state.ts';
import type { EventInfo, Language } from './types.ts';

export interface Person {
  name: string | null;
  email: string | null;
  phone?: string | null;
  organisation: string | null;
}

export type SignUpOutcome = 'confirmed' | 'waitlisted' | 'already-registered' | 'already-waitlisted' | 'closed' | 'no-address';

/** Who hears about a registration: the attendee, or the organiser who phoned it in. */
function recipientOf(reg: Pick<Registration, 'email' | 'name' | 'notify'>): { name: string | null; address: string } | null {
  if (reg.email) return { name: reg.name, address: reg.email };
  if (reg.notify) return { name: null, address: reg.notify };
  return null;
}

/** Thread a later mail (a promotion) on the mail that asked for the seat, when it was a mail. */
function threadOn(reg: Registration): ReplyContext {
  return reg.cause.startsWith('sha256:') || reg.cause.startsWith('cli:')
    ? NO_THREAD
    : { inReplyTo: reg.cause, references: [reg.cause], answeredSubject: null };
}

export function signUp(
  draft: Draft,
  person: Person,
  event: EventInfo,
  opts: { source: RegistrationSource; language: Language; thread: ReplyContext; notify: string | null },
): SignUpOutcome {
  const notifyTarget = recipientOf({ email: person.email, name: person.name, notify: opts.notify });
  if (!notifyTarget) return 'no-address';
  const now = draft.cause.now;
  if (!registrationOpen(event, now)) {
    draft.reply('closed', notifyTarget, opts.language, opts.thread, { eventId: event.id, vars: { attendee: person.name ?? '' } });
    return 'closed';
  }
  const existing = findActive(draft.state, event.id, person);
  if (existing) {
    const kind = existing.status === 'confirmed' ? 'already-registered' : 'already-waitlisted';
    const vars: Record<string, string | number> = { attendee: person.name ?? '' };
    if (existing.status === 'waitlisted') vars.position = waitlistPosition(draft.state, existing);
    draft.reply(kind, notifyTarget, opts.language, opts.thread, { eventId: event.id, registrationId: existing.id, vars });
    return kind;
  }
  const seq = draft.nextSeq();
  // A seat offered to someone on the waitlist is theirs until the offer lapses.
  const hasSeat = seatsTaken(draft.state, event.id) < event.capacity;
  const registration: Registration = {
    id: `r${seq}`,
    seq,
    eventId: event.id,
    name: person.name,
    email: person.email,
    phone: person.phone ?? null,
    organisation: person.organisation,
    language: opts.language,
    status: hasSeat ? 'confirmed' : 'waitlisted',
    source: opts.source,
    cause: draft.cause.key,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    notify: person.email ? null : opts.notify,
  };
  draft.push({ type: 'add-registration', registration });
  const vars: Record<string, string | number> = { attendee: person.name ?? '' };
  if (!hasSeat) vars.position = waitlistPosition(draft.state, registration);
  draft.reply(hasSeat ? 'confirmed' : 'waitlisted', notifyTarget, opts.language, opts.thread, { eventId: event.id, registrationId: registration.id, vars });
  return registration.status as 'confirmed' | 'waitlisted';
}

export interface Promotion {
  promoted: Registration[];
  offered: Registration[];
}

/** The seat is theirs (promoted, or an offered seat accepted): confirmed, and told with the calendar invite. */
export function promote(draft: Draft, reg: Registration, event: EventInfo, thread: ReplyContext): void {
  draft.push({ type: 'change-status', registrationId: reg.id, status: 'confirmed', why: 'promoted' });
  const to = recipientOf(reg);
  if (to) draft.reply('promoted', to, reg.language, thread, { eventId: event.id, registrationId: reg.id, vars: { attendee: reg.name ?? '' } });
}

function offerSeat(draft: Draft, reg: Registration, event: EventInfo, to: { name: string | null; address: string }, rules: PromotionRules): void {
  const expiresAt = offerDeadline(event, draft.cause.now, rules).toISOString();
  const mail = draft.reply('seat-offer', to, reg.language, threadOn(reg), {
    eventId: event.id,
    registrationId: reg.id,
    vars: { attendee: reg.name ?? '', deadline: formatMoment(expiresAt, reg.language) },
  });
  draft.push({ type: 'offer-seat', registrationId: reg.id, mailId: mail.messageId, expiresAt });
}

/**
 * Fill free seats from the waitlist in queue order. Early, each promoted person is told at once. Within
 * `latePromotionHours` of the start a seat is offered instead (held until accepted or lapsed), because
 * someone who no longer expects a seat may not read mail in time and the seat would stay empty.
 */
export function promoteFromWaitlist(draft: Draft, event: EventInfo, rules: PromotionRules = DEFAULT_PROMOTION_RULES): Promotion {
  const result: Promotion = { promoted: [], offered: [] };
  const now = draft.cause.now;
  // Once the event has started a seat is of no use to anyone.
  if (now.getTime() >= Date.parse(event.start)) return result;
  const late = isLatePromotion(event, now, rules);
  while (seatsTaken(draft.state, event.id) < event.capacity) {
    // Whoever had an offer had their chance at a late seat: nobody is offered twice.
    const next = waitlistOf(draft.state, event.id).find((r) => !r.offer);
    if (!next) break;
    const to = recipientOf(next);
    if (late && to) {
      offerSeat(draft, next, event, to, rules);
      result.offered.push(next);
    } else {
      promote(draft, next, event, threadOn(next));
      result.promoted.push(next);
    }
  }
  return result;
}

export function cancelRegistration(
  draft: Draft,
  reg: Registration,
  event: EventInfo,
  language: Language,
  thread: ReplyContext,
  rules: PromotionRules = DEFAULT_PROMOTION_RULES,
): void {
  draft.push({ type: 'change-status', registrationId: reg.id, status: 'cancelled', why: 'cancelled' });
  const to = recipientOf(reg);
  if (to) draft.reply('cancelled', to, language, thread, { eventId: event.id, registrationId: reg.id, vars: { attendee: reg.name ?? '' } });
  // Declining an offered seat frees it as much as cancelling a confirmed one.
  if (reg.status === 'confirmed' || holdsOffer(reg)) promoteFromWaitlist(draft, event, rules);
}
