import type { HandledRecord, Registration, RegistrationStatus, ReplySpec } from './state.ts';

/** Everything the core can ask for. The shell applies them with one exhaustive switch (apply.ts). */
export type Action =
  | { type: 'add-registration'; registration: Registration }
  | { type: 'change-status'; registrationId: string; status: RegistrationStatus; why: 'cancelled' | 'promoted' }
  | { type: 'await-cancel-confirmation'; registrationId: string; mailId: string }
  | { type: 'mark-undeliverable'; registrationId: string }
  | { type: 'erase-person'; email: string }
  | { type: 'purge-event'; eventId: string }
  | { type: 'prune'; sentBefore: string; handledBefore?: string }
  | { type: 'set-event-override'; eventId: string; capacity?: number; closed?: boolean }
  | { type: 'send'; reply: ReplySpec }
  | { type: 'record-handled'; key: string; record: HandledRecord }
  | { type: 'offer-seat'; registrationId: string; mailId: string; expiresAt: string }
  | { type: 'lapse-offer'; registrationId: string }
  | { type: 'mark-reminded'; registrationId: string }
  /** the day's digest, one mail per recipient; not counted toward the reply cap (nobody asked for it) */
  | { type: 'queue-digest'; date: string; mails: ReplySpec[] };

export interface Cause {
  /** message key or 'cli:<command>' */
  key: string;
  now: Date;
}
