import { registrationsOf } from './registration-index.ts';
import type { DeskState, Registration } from './state.ts';

export function isActive(r: Registration): boolean {
  return r.status === 'confirmed' || r.status === 'waitlisted';
}

const bySeq = (a: Registration, b: Registration) => a.seq - b.seq;

export function confirmedOf(state: DeskState, eventId: string): Registration[] {
  return registrationsOf(state.registrations, eventId).filter((r) => r.status === 'confirmed').sort(bySeq);
}

export function waitlistOf(state: DeskState, eventId: string): Registration[] {
  return registrationsOf(state.registrations, eventId).filter((r) => r.status === 'waitlisted').sort(bySeq);
}

export function waitlistPosition(state: DeskState, reg: Registration): number {
  return waitlistOf(state, reg.eventId).findIndex((r) => r.id === reg.id) + 1;
}

/** One address never holds two places for one event; phone registrations without address match by name. */
export function findActive(
  state: DeskState,
  eventId: string,
  who: { email: string | null; name: string | null },
): Registration | undefined {
  return registrationsOf(state.registrations, eventId).find((r) => {
    if (!isActive(r)) return false;
    if (who.email) return r.email === who.email;
    return !r.email && !!who.name && r.name?.toLowerCase() === who.name.toLowerCase();
  });
}

export function activeByEmail(state: DeskState, email: string): Registration[] {
  return state.registrations.filter((r) => r.email === email && isActive(r));
}
