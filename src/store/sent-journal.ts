// SMTP cannot be undone, and the store is rewritten whole, which is too slow to do after every send.
// So each accepted send is appended here (one line, fsynced) before anything else happens; on start-up
// the journal is folded into the store. What remains is the unavoidable gap between the server's
// "250 OK" and this fsync (about a millisecond).
import { open, readFile, writeFile } from 'node:fs/promises';

export class SentJournal {
  constructor(readonly path: string) {}

  async record(messageId: string): Promise<void> {
    const handle = await open(this.path, 'a', 0o600);
    try {
      await handle.write(`${messageId}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  async readAll(): Promise<Set<string>> {
    try {
      const text = await readFile(this.path, 'utf8');
      return new Set(text.split('\n').filter(Boolean));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
      throw err;
    }
  }

  /** Only after the store itself says these mails are sent. */
  async clear(): Promise<void> {
    await writeFile(this.path, '', { mode: 0o600 });
  }
}
