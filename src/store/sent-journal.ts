// SMTP cannot be undone, and the store is rewritten whole, which is too slow to do after every send.
// So each accepted send is appended here (one line, fsynced) before anything else happens; on start-up
// the journal is folded into the store. What remains is the unavoidable gap between the server's
// "250 OK" reaching the socket and record() being called.
import { closeSync, fdatasync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

export class SentJournal {
  private fd: number | null = null;
  private syncing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(readonly path: string) {}

  async record(messageId: string): Promise<void> {
    // The line is written synchronously, before record() returns: from then on it is in the kernel's page
    // cache and a killed process cannot lose it. An async open/write waited for the libuv thread pool,
    // busy with the other sends' fsyncs, for 1-25 ms under load, and a SIGKILL in that gap sent the reply
    // again after the restart (5 times in 25 kills, test/bench/fault-injection.ts). The fsync that follows
    // is for power loss.
    this.fd ??= openSync(this.path, 'a', 0o600);
    writeSync(this.fd, `${messageId}\n`);
    await this.sync();
  }

  /**
   * Group commit: one fdatasync covers every line written before it started, so concurrent sends share
   * it. A line written while one is running waits for the next, which starts as soon as that one ends.
   */
  private sync(): Promise<void> {
    if (!this.syncing) {
      const fd = this.fd!;
      this.syncing = new Promise<void>((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve()))).finally(() => {
        this.syncing = null;
      });
      return this.syncing;
    }
    this.queued ??= this.syncing.catch(() => undefined).then(() => {
      this.queued = null;
      return this.sync();
    });
    return this.queued;
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
    await this.close();
    await writeFile(this.path, '', { mode: 0o600 });
  }

  async close(): Promise<void> {
    await this.queued;
    await this.syncing;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
