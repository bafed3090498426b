// Plain data shared by the pure core and the shell. No I/O, no clocks, no transports here.

export type Language = 'nl' | 'en';

export interface Address {
  name: string;
  /** lower-cased address; '' when the header held no usable address */
  address: string;
}

/** One event from the events file (EVENTS_FILE). Times are ISO 8601 with offset. */
export interface EventInfo {
  id: string;
  title: string;
  start: string;
  end: string;
  location: string;
  address?: string;
  capacity: number;
  /** ISO 8601; registration closes then (and in any case when the event starts) */
  registrationDeadline?: string;
  description?: string;
  /** the organiser closed registration by hand */
  closed?: boolean;
  /** position in the series ("sessie 2"), used to recognise which event a mail names */
  number?: number;
  /** extra words that identify this event in a mail (topic words) */
  keywords?: string[];
}

export interface Attachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** decoded text for text-like parts we may need to read (message/rfc822, message/delivery-status, text/*) */
  text?: string;
}

/**
 * A received mail reduced to plain data by src/mail/parse.ts.
 * Header keys are lower-case; values are the raw (unfolded) header values, topmost first.
 */
export interface InboundMessage {
  /** Message-ID without angle brackets, or null when the mail has none */
  messageId: string | null;
  from: Address | null;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  /** ISO string of the Date header, or null */
  date: string | null;
  /** when our mailbox received it (set by the shell from the source), ISO 8601; null when unknown */
  arrivedAt?: string | null;
  /** text/plain body, or the HTML converted to text when the mail is HTML-only; '' if none */
  text: string;
  html: string | null;
  headers: Record<string, string[]>;
  inReplyTo: string | null;
  references: string[];
  /** top-level content type, lower-case, e.g. 'multipart/report' */
  contentType: string;
  attachments: Attachment[];
  sizeBytes: number;
  /** what went wrong while reading it: 'no-from', 'no-message-id', 'truncated', 'unparseable', … */
  problems: string[];
}

export type Intent = 'signup' | 'cancel' | 'other' | 'automatic';

export interface Attendee {
  name: string | null;
  email: string | null;
  organisation: string | null;
  phone?: string | null;
}

export interface Classification {
  intent: Intent;
  language: Language;
  attendees: Attendee[];
  /** id of the event the mail names, or null when it names none */
  event: string | null;
  /** short machine-readable reason, for logs and the digest (e.g. 'auto-submitted', 'question') */
  reason: string;
  /** the person's own new words, with quotes, signatures and forwarded parts removed */
  ownText?: string;
  /** the mail asks to delete the sender's personal data ("verwijder mijn gegevens") */
  erasure?: boolean;
  /**
   * a doubt or condition stands elsewhere in the person's words ("misschien", "als", "zodra"): the request
   * itself was stated, but a cancellation is confirmed first even when the mail proves who sent it
   */
  doubtful?: boolean;
}
