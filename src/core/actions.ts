import type { HandledRecord, Registration, RegistrationStatus, ReplySpec } from './state.ts';

/** Everything the core can ask for. The shell applies them with one exhaustive switch (apply.ts). */
export type Action =
  | { type: 'add-registration'; registration: Registration }
  | { type: 'change-status'; registrationId: string; status: RegistrationStatus; why: 'cancelled' | 'promoted' }
  | { type: 'await-cancel-confirmation'; registrationId: string; mailId: string }
  | { type: 'mark-undeliverable'; registrationId: string }
  | { type: 'erase-person'; email: string }
  | { type: 'set-event-override'; eventId: string; capacity?: number; closed?: boolean }
  | { type: 'send'; reply: ReplySpec }
  | { type: 'record-handled'; key: string; record: HandledRecord };

export interface Cause {
  /** message key or 'cli:<command>' */
  key: string;
  now: Date;
}
