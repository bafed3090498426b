// Sends the bytes the caller built (the same bytes go to Sent), over nodemailer's SMTP pool.
// nodemailer retries nothing on a 4xx/5xx reply; the caller's persisted outbox does, guided by the
// error code set here.
import { Readable } from 'node:stream';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { TransportError, type MailSender, type OutgoingRaw } from './types.ts';

export const SMTP_CONNECTION_TIMEOUT_MS = 30_000;
export const SMTP_GREETING_TIMEOUT_MS = 30_000;
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;
/** One desk mailbox sends in small bursts; a couple of connections keep providers from throttling us. */
export const SMTP_MAX_CONNECTIONS = 2;

export interface SmtpSenderOptions {
  host: string;
  port: number;
  /** implicit TLS (465); otherwise STARTTLS when offered */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** never upgrade with STARTTLS (test sinks only) */
  ignoreTLS?: boolean;
  /** fail rather than send unencrypted when STARTTLS is missing */
  requireTLS?: boolean;
  /** EHLO name; nodemailer's default is the host name */
  name?: string;
  maxConnections?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** SMTP failures that say nothing about the message itself: retry it later. */
const TEMPORARY_CODES = new Set([
  'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'EMAXLIMIT', 'ECONNREFUSED', 'ECONNRESET',
  'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND',
  // Wrong or expired credentials are fixed by a person; dropping every queued reply meanwhile would be worse.
  'EAUTH', 'ENOAUTH',
]);
/** refused for what the message or envelope is, without a reply code (e.g. no recipients) */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

export function classifySmtpError(err: unknown): 'SMTP_TEMPORARY' | 'SMTP_PERMANENT' {
  const e = (err ?? {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'SMTP_TEMPORARY';
  const reply = typeof e.responseCode === 'number' ? e.responseCode : 0;
  // 503 (bad sequence) is about the session state, not the message: a fresh connection may succeed.
  if (reply >= 500 && reply < 600 && reply !== 503) return 'SMTP_PERMANENT';
  if (reply >= 400 && reply < 600) return 'SMTP_TEMPORARY';
  if (PERMANENT_CODES.has(code)) return 'SMTP_PERMANENT';
  if (TEMPORARY_CODES.has(code)) return 'SMTP_TEMPORARY';
  // Unknown: keep the message; the outbox's attempt limit ends a loop.
  return 'SMTP_TEMPORARY';
}

function describe(err: unknown): string {
  const e = (err ?? {}) as SmtpErrorLike;
  const parts = [e.message ?? String(err)];
  if (e.command) parts.push(`after ${e.command}`);
  if (e.code) parts.push(`(${e.code})`);
  return parts.join(' ');
}

/**
 * The part of nodemailer's mail object a transport reads (the contract its custom-transport docs give:
 * `message.getEnvelope()`, `message.messageId()`, `message.createReadStream()`, `data`). Going through
 * `Mailer.sendMail` instead runs MailComposer, its plugins and a stream pipeline over bytes that are
 * already final: 0.87 against 0.31 ms of CPU per reply (test/bench/steps.ts).
 */
function poolMail(mail: OutgoingRaw) {
  const id = `<${mail.messageId}>`;
  return {
    data: {},
    message: {
      getEnvelope: () => ({ from: mail.envelope.from, to: [...mail.envelope.to] }),
      messageId: () => id,
      getHeader: (name: string) => (name.toLowerCase() === 'message-id' ? id : undefined),
      // Called again when the pool moves the mail to another connection before a byte was read.
      createReadStream: () => Readable.from([mail.raw], { objectMode: false }),
    },
  };
}

export class SmtpSender implements MailSender {
  private readonly transport: SMTPPool;
  private closed = false;

  constructor(private readonly opts: SmtpSenderOptions) {
    this.transport = createPool(opts);
  }

  /**
   * Resolves once the server accepted the message for at least one recipient (nodemailer's rule);
   * recipients refused one by one are not reported here.
   */
  async send(mail: OutgoingRaw): Promise<void> {
    if (this.closed) throw new TransportError('SMTP_TEMPORARY', 'SmtpSender is closed');
    try {
      await new Promise<void>((resolve, reject) =>
        this.transport.send(poolMail(mail) as unknown as Parameters<SMTPPool['send']>[0], (err) => (err ? reject(err) : resolve())),
      );
    } catch (err) {
      throw new TransportError(
        classifySmtpError(err),
        `SMTP ${this.opts.host}:${this.opts.port} refused <${mail.messageId}>: ${describe(err)}`,
        { cause: err },
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.transport.close();
  }
}

function createPool(opts: SmtpSenderOptions): SMTPPool {
  return new SMTPPool({
    host: opts.host,
    port: opts.port,
    secure: opts.secure ?? false,
    ...(opts.auth ? { auth: { user: opts.auth.user, pass: opts.auth.pass } } : {}),
    ignoreTLS: opts.ignoreTLS ?? false,
    requireTLS: opts.requireTLS ?? false,
    ...(opts.name ? { name: opts.name } : {}),
    maxConnections: opts.maxConnections ?? SMTP_MAX_CONNECTIONS,
    connectionTimeout: opts.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: opts.greetingTimeoutMs ?? SMTP_GREETING_TIMEOUT_MS,
    socketTimeout: opts.socketTimeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
    logger: false,
  });
}
