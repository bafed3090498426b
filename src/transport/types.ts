// The two small interfaces every mailbox and every sender implements (local Maildir/outbox, IMAP/SMTP).

/** Where the worker last got to in a mailbox. UIDVALIDITY is a string: imapflow gives a BigInt. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
}

export interface RawMessage {
  /** stable id inside the source, e.g. 'imap:<uidvalidity>:<uid>' or 'maildir:<file name>' */
  sourceId: string;
  /** arrival order inside the source (IMAP UID) */
  uid: number;
  raw: Buffer;
  /** size of the whole message on the server */
  size: number;
  /** the message exceeded MAX_MESSAGE_BYTES and only its first bytes were fetched */
  truncated: boolean;
  /** when the mailbox received it (IMAP INTERNALDATE, the Maildir file's time), ISO 8601; unlike Date: not the sender's say */
  arrivedAt?: string | null;
}

/** 'file': handled by the bot, move it out of the inbox. 'leave': meant for people, leave it unread. */
export type Disposition = 'file' | 'leave';

export interface SettleItem {
  sourceId: string;
  uid: number;
  disposition: Disposition;
}

export interface MailSource {
  readonly kind: 'maildir' | 'imap';
  open(): Promise<void>;
  /**
   * Messages after `cursor` in arrival order, at most `max`. Returns the mailbox's UIDVALIDITY; when it
   * differs from the cursor's, the caller resets the cursor and relies on Message-IDs to skip what it handled.
   * Never marks anything as read.
   */
  fetchNew(cursor: MailboxCursor | null, max: number): Promise<{ uidValidity: string; messages: RawMessage[] }>;
  /** Move 'file' messages to the processed folder; 'leave' ones stay where they are, unread. Idempotent. */
  settle(items: SettleItem[]): Promise<void>;
  /**
   * Resolves when new mail may have arrived, or after `timeoutMs` at the latest, or when `signal` aborts.
   * Rejects (error with a `code`) when the connection is lost; the caller reconnects.
   */
  waitForMail(timeoutMs: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface OutgoingRaw {
  /** without angle brackets */
  messageId: string;
  envelope: { from: string; to: string[] };
  /** the complete RFC 5322 message, built once and used for both SMTP and the Sent copy */
  raw: Buffer;
}

/** Errors crossing this boundary carry `code`: 'SMTP_TEMPORARY' (retry later) or 'SMTP_PERMANENT'. */
export interface MailSender {
  send(mail: OutgoingRaw): Promise<void>;
  close(): Promise<void>;
}

/** Keeps a copy of what the bot sent where organisers can see it (IMAP \Sent). */
export interface SentCopies {
  save(mail: OutgoingRaw): Promise<void>;
  /** save unless a copy with this Message-ID is already there (recovery after a crash); true when saved */
  saveOnce(mail: OutgoingRaw): Promise<boolean>;
}

export class TransportError extends Error {
  constructor(
    readonly code: 'SMTP_TEMPORARY' | 'SMTP_PERMANENT' | 'IMAP_CONNECTION' | 'IMAP_AUTH' | 'IMAP_COMMAND' | 'MAILDIR_IO',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}
