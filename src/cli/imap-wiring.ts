import type { Config } from '../config.ts';
import type { Logger } from '../shell/log.ts';
import type { MailSender, MailSource, SentCopies } from '../transport/types.ts';

export interface ImapTransports {
  openSource: () => Promise<MailSource>;
  mailSender: MailSender;
  sentCopies: (source: MailSource) => SentCopies | null;
}

export function openImapTransports(_config: Config, _log: Logger): ImapTransports {
  throw new Error('IMAP mode is not wired yet');
}
