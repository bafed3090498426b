// What happened between two digests, read from the audit trail and the handled-mail records.
import type { DeskState, Registration } from './state.ts';

export type ChangeKind = 'signed-up' | 'waitlisted' | 'cancelled' | 'promoted' | 'offered' | 'offer-lapsed' | 'erased';

/** Audit wording (apply.ts) → the change it means for the organiser. */
const AUDIT_CHANGES: Record<string, ChangeKind> = {
  'registered as confirmed': 'signed-up',
  'registered as waitlisted': 'waitlisted',
  cancelled: 'cancelled',
  promoted: 'promoted',
  'seat offered': 'offered',
  'offer lapsed': 'offer-lapsed',
  'personal data erased': 'erased',
};

export interface Change {
  kind: ChangeKind;
  eventId: string;
  registration: Registration;
}

export function inWindow(at: string, since: string, now: Date): boolean {
  const t = Date.parse(at);
  return t > Date.parse(since) && t <= now.getTime();
}

export function changesSince(state: DeskState, since: string, now: Date): Change[] {
  const byId = new Map(state.registrations.map((r) => [r.id, r]));
  const changes: Change[] = [];
  for (const entry of state.audit) {
    const kind = AUDIT_CHANGES[entry.what];
    if (!kind || !entry.registrationId || !inWindow(entry.at, since, now)) continue;
    const registration = byId.get(entry.registrationId);
    if (!registration) continue;
    changes.push({ kind, eventId: entry.eventId ?? registration.eventId, registration });
  }
  return changes;
}

/** Mails the desk left in the inbox for people since `since`: their subjects, oldest first. */
export function leftForPeople(state: DeskState, since: string, now: Date): string[] {
  return Object.values(state.handled)
    .filter((h) => h.outcome === 'left' && inWindow(h.at, since, now))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((h) => h.subject ?? '');
}
