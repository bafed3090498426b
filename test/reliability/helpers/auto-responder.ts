// An auto-responder at the other end of the SMTP sink: every reply the bot sends to `address` comes back
// as a new mail in INBOX from that address, with NO telltale headers (no Auto-Submitted, no Precedence,
// no X-Autoreply, a person's own address): the kind of loop only the reply cap can stop.
import type { ImapFlow } from 'imapflow';
import type { SmtpSink } from '../../harness/smtp-sink.ts';
import { testMail } from '../../harness/dovecot.ts';
import { headerValue, tagged } from './live-mail.ts';

export interface AutoResponder {
  /** answers appended so far */
  readonly answers: number;
  stop(): Promise<void>;
}

export function startAutoResponder(opts: { sink: SmtpSink; client: ImapFlow; name: string; address: string; body: string }): AutoResponder {
  let seen = 0;
  let answers = 0;
  let busy: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    const fresh = opts.sink.messages.slice(seen);
    seen = opts.sink.messages.length;
    for (const mail of fresh) {
      if (!mail.envelope.to.includes(opts.address)) continue;
      const n = ++answers;
      const subject = headerValue(mail.raw, 'Subject') ?? '';
      const raw = testMail({
        from: `${opts.name} <${opts.address}>`,
        messageId: `auto-answer-${n}@people.example.org`,
        subject: `Re: ${subject}`.slice(0, 200),
        headers: { 'In-Reply-To': `<${mail.messageId}>`, References: `<${mail.messageId}>` },
        body: opts.body,
      });
      busy = busy.then(async () => {
        await opts.client.append('INBOX', tagged(raw, `auto-answer-${n}`));
      });
    }
  }, 50);
  return {
    get answers() {
      return answers;
    },
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}
