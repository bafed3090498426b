// An SMTP server that keeps what it receives, for asserting what the bot sent. It can refuse for a while
// (4xx or 5xx) so retry and give-up paths are tested against real SMTP replies, not mocked errors.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

const HOST = '127.0.0.1';
const DEFAULT_WAIT_MS = 5_000;

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  /** Message-ID header without angle brackets, or null */
  messageId: string | null;
  receivedAt: number;
}

export type RefuseStage = 'mail' | 'rcpt' | 'data';

export interface RefuseOptions {
  /** SMTP reply code, e.g. 451 (try later) or 550 (never) */
  code?: number;
  message?: string;
  /** SMTP command that gets the refusal; default 'rcpt' (where greylisting and unknown users answer) */
  stage?: RefuseStage;
  /** refuse this many commands at `stage` (one per recipient at 'rcpt'), then accept again */
  times?: number;
  /** refuse for this long, then accept again */
  forMs?: number;
}

export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** options for the sender under test */
  connection(): { host: string; port: number; secure: false; ignoreTLS: true };
  /** resolves with the first `count` messages once that many arrived; rejects after `timeoutMs` */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  refuse(opts?: RefuseOptions): void;
  /** stop refusing */
  accept(): void;
  /** transactions refused so far */
  readonly refusals: number;
  clear(): void;
  close(): Promise<void>;
}

interface Refusal {
  code: number;
  message: string;
  stage: RefuseStage;
  remaining: number;
  until: number;
}

class SmtpReplyError extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Message-ID from the header block (unfolded), without angle brackets. */
export function headerMessageId(raw: Buffer): string | null {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:\s*<?([^>\s]+)>?/im.exec(head);
  return match ? match[1]! : null;
}

export interface SmtpSinkOptions {
  /** default: a free port; give the old one to simulate a server coming back */
  port?: number;
}

export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let refusal: Refusal | null = null;
  let refusals = 0;

  const refusalAt = (stage: RefuseStage): Error | null => {
    if (!refusal || refusal.stage !== stage) return null;
    if (refusal.remaining <= 0 || Date.now() >= refusal.until) {
      refusal = null;
      return null;
    }
    refusal.remaining -= 1;
    refusals += 1;
    return new SmtpReplyError(refusal.code, refusal.message);
  };

  const envelopeOf = (session: SMTPServerSession) => ({
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
  });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A test must not wait 30 s for lingering pooled client connections on close().
    closeTimeout: 100,
    onMailFrom(_address, _session, callback) {
      callback(refusalAt('mail'));
    },
    onRcptTo(_address, _session, callback) {
      callback(refusalAt('rcpt'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const refused = refusalAt('data');
        if (refused) return callback(refused);
        const raw = Buffer.concat(chunks);
        messages.push({ envelope: envelopeOf(session), raw, messageId: headerMessageId(raw), receivedAt: Date.now() });
        for (const wake of [...waiters]) wake();
        callback();
      });
    },
  });
  // Client resets (a test killing the sender mid-transaction) must not crash the test worker.
  server.on('error', () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: HOST,
    port,
    messages,
    connection: () => ({ host: HOST, port, secure: false, ignoreTLS: true }),
    waitFor(count, timeoutMs = DEFAULT_WAIT_MS) {
      if (messages.length >= count) return Promise.resolve(messages.slice(0, count));
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
      });
    },
    refuse(opts = {}) {
      const code = opts.code ?? 451;
      refusal = {
        code,
        message: opts.message ?? (code >= 500 ? 'Refused by test sink' : 'Try again later (test sink)'),
        stage: opts.stage ?? 'rcpt',
        remaining: opts.times ?? Number.POSITIVE_INFINITY,
        until: opts.forMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.forMs,
      };
    },
    accept() {
      refusal = null;
    },
    get refusals() {
      return refusals;
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
