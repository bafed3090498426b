// Live-mailbox mode: IMAP in (imapflow), SMTP out (nodemailer), copies to \Sent.
import type { Config } from '../config.ts';
import type { Logger } from '../shell/log.ts';
import { ImapSentCopies } from '../transport/imap-sent.ts';
import { imapSourceFactory } from '../transport/imap-source.ts';
import { SmtpSender } from '../transport/smtp-sender.ts';
import type { MailSender, MailSource, SentCopies } from '../transport/types.ts';

const IMAPS_PORT = 993;
const IMAP_PORT = 143;
const SMTPS_PORT = 465;
const SUBMISSION_PORT = 587;

export interface ImapTransports {
  openSource: () => Promise<MailSource>;
  mailSender: MailSender;
  sentCopies: (source: MailSource) => SentCopies | null;
  close(): Promise<void>;
}

export function openImapTransports(config: Config, _log: Logger): ImapTransports {
  const imap = {
    host: config.IMAP_HOST!,
    port: config.IMAP_PORT ?? (config.IMAP_TLS ? IMAPS_PORT : IMAP_PORT),
    secure: config.IMAP_TLS,
    auth: { user: config.IMAP_USER!, pass: config.IMAP_PASSWORD! },
    socketTimeoutMs: config.IMAP_SOCKET_TIMEOUT_SECONDS * 1000,
  };
  const openSource = imapSourceFactory({
    ...imap,
    mailbox: config.IMAP_MAILBOX,
    processedMailbox: config.IMAP_PROCESSED_FOLDER,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    pollIntervalMs: config.IMAP_POLL_SECONDS * 1000,
  });
  const mailSender = new SmtpSender({
    host: config.SMTP_HOST!,
    port: config.SMTP_PORT ?? (config.SMTP_TLS ? SMTPS_PORT : SUBMISSION_PORT),
    secure: config.SMTP_TLS,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD! } } : {}),
    ...(config.SMTP_TLS ? {} : { ignoreTLS: config.SMTP_IGNORE_TLS }),
  });
  // A separate connection for Sent: one imapflow connection holding locks on two mailboxes races.
  const copies = config.SAVE_SENT_COPY ? new ImapSentCopies({ ...imap, id: 'sent' }) : null;
  return {
    openSource: openSource as () => Promise<MailSource>,
    mailSender,
    sentCopies: () => copies,
    async close() {
      await copies?.close();
    },
  };
}
