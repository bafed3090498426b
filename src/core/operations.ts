// The desk's rules, shared by mail (decide.ts) and the organiser's CLI: same rules, same mails.
import { type Draft, NO_THREAD, type ReplyContext } from './draft.ts';
import { registrationOpen } from './events.ts';
import { confirmedOf, findActive, waitlistOf, waitlistPosition } from './seats.ts';
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
  const hasSeat = confirmedOf(draft.state, event.id).length < event.capacity;
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

/** Fill free seats from the waitlist in queue order, each promoted person told at once. */
export function promoteFromWaitlist(draft: Draft, event: EventInfo): Registration[] {
  const promoted: Registration[] = [];
  while (confirmedOf(draft.state, event.id).length < event.capacity) {
    const next = waitlistOf(draft.state, event.id)[0];
    if (!next) break;
    draft.push({ type: 'change-status', registrationId: next.id, status: 'confirmed', why: 'promoted' });
    const to = recipientOf(next);
    if (to) draft.reply('promoted', to, next.language, threadOn(next), { eventId: event.id, registrationId: next.id, vars: { attendee: next.name ?? '' } });
    promoted.push(next);
  }
  return promoted;
}

export function cancelRegistration(draft: Draft, reg: Registration, event: EventInfo, language: Language, thread: ReplyContext): void {
  draft.push({ type: 'change-status', registrationId: reg.id, status: 'cancelled', why: 'cancelled' });
  const to = recipientOf(reg);
  if (to) draft.reply('cancelled', to, language, thread, { eventId: event.id, registrationId: reg.id, vars: { attendee: reg.name ?? '' } });
  if (reg.status === 'confirmed') promoteFromWaitlist(draft, event);
}
