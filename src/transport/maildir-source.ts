// Local mode's mailbox: a Maildir (new/ → cur/). Mail the bot handled goes to the Maildir++ folder
// .<processed>/cur marked seen; mail for people goes to cur/ unread, like a mail client would leave it.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { countWithinBytes } from './batch-bytes.ts';
import { type MailboxCursor, type MailSource, type RawMessage, type SettleItem, TransportError } from './types.ts';

const MAILDIR_UIDVALIDITY = 'maildir';

export class MaildirSource implements MailSource {
  readonly kind = 'maildir' as const;

  constructor(
    readonly root: string,
    private readonly opts: { processedFolder: string; maxMessageBytes: number; batchMaxBytes?: number },
  ) {}

  private dir(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  async open(): Promise<void> {
    for (const sub of ['new', 'cur', 'tmp', `.${this.opts.processedFolder}/new`, `.${this.opts.processedFolder}/cur`, `.${this.opts.processedFolder}/tmp`]) {
      await mkdir(this.dir(sub), { recursive: true, mode: 0o700 });
    }
  }

  /** Everything in new/ is unhandled (handled mail leaves new/), so the cursor is not needed here. */
  async fetchNew(_cursor: MailboxCursor | null, max: number): Promise<{ uidValidity: string; messages: RawMessage[] }> {
    try {
      const names = (await readdir(this.dir('new'))).filter((n) => !n.startsWith('.'));
      const entries = await Promise.all(names.map(async (name) => ({ name, st: await stat(this.dir('new', name), { bigint: true }).catch(() => null) })));
      // Arrival order: delivery time, then name (Maildir names start with the delivery time too).
      const ordered = entries
        .filter((e) => e.st?.isFile())
        .sort((a, b) => (a.st!.mtimeNs < b.st!.mtimeNs ? -1 : a.st!.mtimeNs > b.st!.mtimeNs ? 1 : a.name.localeCompare(b.name)))
        .slice(0, max);
      ordered.length = countWithinBytes(ordered.map((e) => Math.min(Number(e.st!.size), this.opts.maxMessageBytes)), this.opts.batchMaxBytes);
      const messages: RawMessage[] = [];
      for (const [i, e] of ordered.entries()) {
        const size = Number(e.st!.size);
        const truncated = size > this.opts.maxMessageBytes;
        const arrivedAt = new Date(Number(e.st!.mtimeMs)).toISOString();
        messages.push({ sourceId: `maildir:${e.name}`, uid: i + 1, raw: await this.readHead(e.name, Math.min(size, this.opts.maxMessageBytes)), size, truncated, arrivedAt });
      }
      return { uidValidity: MAILDIR_UIDVALIDITY, messages };
    } catch (err) {
      throw new TransportError('MAILDIR_IO', `cannot read ${this.dir('new')}: ${(err as Error).message}`, { cause: err });
    }
  }

  private async readHead(name: string, bytes: number): Promise<Buffer> {
    const handle = await open(this.dir('new', name), 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async settle(items: SettleItem[]): Promise<void> {
    for (const item of items) {
      const name = item.sourceId.replace(/^maildir:/, '');
      if (name.includes('/') || name.startsWith('.')) continue;
      const target = item.disposition === 'file' ? this.dir(`.${this.opts.processedFolder}`, 'cur', `${name}:2,S`) : this.dir('cur', `${name}:2,`);
      await rename(this.dir('new', name), target).catch((err: NodeJS.ErrnoException) => {
        // Already moved (a crash after the move but before the store noted it): nothing left to do.
        if (err.code !== 'ENOENT') throw new TransportError('MAILDIR_IO', `cannot move ${name}: ${err.message}`, { cause: err });
      });
    }
  }

  waitForMail(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let watcher: FSWatcher | null = null;
      const done = () => {
        clearTimeout(timer);
        watcher?.close();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      try {
        watcher = watch(this.dir('new'), done);
      } catch {
        // No inotify: the timeout is the polling fallback.
      }
    });
  }

  async close(): Promise<void> {}
}
