// The store's shape: plain JSON, versioned. The shell persists it; the core only reads and returns it.
import type { Language } from './types.ts';

export const SCHEMA_VERSION = 1;

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export type RegistrationSource = 'mail' | 'organiser' | 'cli';

export interface Registration {
  id: string;
  /** arrival order across the whole store: seats and waitlist go by this */
  seq: number;
  eventId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  language: Language;
  status: RegistrationStatus;
  source: RegistrationSource;
  /** key of the mail (or command) that created it */
  cause: string;
  createdAt: string;
  updatedAt: string;
  /** who must hear about it when the attendee has no address (the organiser who phoned it in) */
  notify: string | null;
  /** a cancellation asked without proof waits for a reply to this mail */
  pendingCancel?: { mailId: string; requestedAt: string; cause: string };
  undeliverable?: boolean;
  /** the reminder before the event went out (once per registration, so restarts never repeat it) */
  remindedAt?: string;
  /**
   * A seat freed close to the event is offered, not given: the person confirms by replying to `mailId`
   * before `expiresAt`, or the offer lapses and the seat goes to the next person. The seat is held while
   * the offer is open (status still 'waitlisted', no `lapsedAt`).
   */
  offer?: { mailId: string; offeredAt: string; expiresAt: string; lapsedAt?: string };
}

export type ReplyKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'already-registered'
  | 'already-waitlisted'
  | 'cancelled'
  | 'not-registered'
  | 'closed'
  | 'confirm-cancel'
  | 'registered-for-you'
  | 'erased'
  | 'organiser-ack'
  | 'organiser-list'
  | 'digest'
  | 'reminder'
  | 'seat-offer';

export interface ReplySpec {
  kind: ReplyKind;
  /** our Message-ID for this reply (without brackets): deterministic, so a retry builds the same mail */
  messageId: string;
  to: { name: string | null; address: string };
  language: Language;
  eventId: string | null;
  registrationId: string | null;
  /** the mail this answers, for In-Reply-To/References */
  inReplyTo: string | null;
  references: string[];
  /** subject of the mail this answers (for "Re: …") */
  answeredSubject: string | null;
  /** extra values for the template, e.g. waitlist position or the names registered */
  vars: Record<string, string | number>;
  /** files to attach (e.g. an attendee CSV for organisers); text content */
  attachments?: { filename: string; contentType: string; content: string }[];
}

export type OutboxStatus = 'queued' | 'sent' | 'failed';

export interface OutboxItem {
  id: string;
  spec: ReplySpec;
  /**
   * RFC 5322 bytes, base64; built by the shell before the item is first stored, so a retry sends the same
   * bytes. Dropped once sent: the store is rewritten per batch, and bodies were most of its size.
   */
  raw: string | null;
  envelope: { from: string; to: string[] } | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  /** the Sent-folder copy was saved (IMAP only) */
  copied: boolean;
  /** sent, and the Sent-folder copy is still to be made (from bytes in memory, or rebuilt after a restart) */
  awaitingCopy?: boolean;
  cause: string;
  createdAt: string;
}

export type HandledOutcome = 'handled' | 'left' | 'robot' | 'duplicate';

export interface HandledRecord {
  at: string;
  outcome: HandledOutcome;
  /** what was decided, short: 'signup', 'cancel', 'robot:dsn', 'left:question', … */
  summary: string;
  subject?: string;
}

export interface AuditEntry {
  at: string;
  /** message key or 'cli:<command>' that caused it */
  cause: string;
  what: string;
  registrationId?: string;
  eventId?: string;
  detail?: string;
}

export interface PendingSettle {
  sourceId: string;
  uid: number;
  disposition: 'file' | 'leave';
}

export interface DeskState {
  schemaVersion: number;
  /** HMAC key for our Message-ID tokens; made once, never leaves the store */
  secret: string;
  nextSeq: number;
  registrations: Registration[];
  /** handled mails by key (Message-ID, or a hash of the bytes when there is none) */
  handled: Record<string, HandledRecord>;
  outbox: OutboxItem[];
  audit: AuditEntry[];
  /** recent automated replies per address (ISO times), for the daily cap */
  replyLog: Record<string, string[]>;
  cursor: { uidValidity: string; lastUid: number } | null;
  /** mailbox moves decided but not yet confirmed by the mailbox (crash between store write and move) */
  pendingSettle: PendingSettle[];
  /** per-event changes organisers made at run time (capacity, closed) */
  eventOverrides: Record<string, { capacity?: number; closed?: boolean }>;
  /** when the last daily digest was queued (ISO): the next one reports what changed since */
  lastDigestAt?: string;
  /** Europe/Amsterdam date (YYYY-MM-DD) of the last digest queued: one digest per day */
  lastDigestDate?: string;
  /** events whose personal data was purged after RETENTION_DAYS (counts are kept) */
  purgedEvents?: string[];
}

export function emptyState(secret: string): DeskState {
  return {
    schemaVersion: SCHEMA_VERSION,
    secret,
    nextSeq: 1,
    registrations: [],
    handled: {},
    outbox: [],
    audit: [],
    replyLog: {},
    cursor: null,
    pendingSettle: [],
    eventOverrides: {},
  };
}
