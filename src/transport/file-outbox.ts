// Local mode's "SMTP": every outgoing mail becomes an .eml file. The name is our own Message-ID (never
// text from a mail), and a file that already exists means the mail was sent: a retry writes nothing twice.
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../store/durable-json-file.ts';
import type { MailSender, OutgoingRaw } from './types.ts';

export class FileOutbox implements MailSender {
  constructor(readonly dir: string) {}

  fileFor(messageId: string): string {
    return join(this.dir, `${messageId.split('@')[0]!.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
  }

  async send(mail: OutgoingRaw): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = this.fileFor(mail.messageId);
    const exists = await access(path).then(() => true, () => false);
    if (!exists) await writeFileDurably(path, mail.raw);
  }

  async close(): Promise<void> {}
}
