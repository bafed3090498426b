// The shared info@ inbox over IMAP. Reads without setting \Seen (people read the same mailbox), files what
// the bot handled into a folder, and waits for new mail with IDLE. It never reconnects by itself: after
// an IMAP_CONNECTION error the worker builds a new one (see reconnect.ts) and catches up by cursor.
import type { FetchMessageObject, ImapFlow, MailboxObject } from 'imapflow';
import { countWithinBytes } from './batch-bytes.ts';
import {
  connectImap,
  connectionLost,
  createImapClient,
  isClientUsable,
  logoutQuietly,
  toTransportError,
  uidSet,
  type ImapConnectionOptions,
} from './imap-connect.ts';
import {
  TransportError,
  type MailboxCursor,
  type MailSource,
  type RawMessage,
  type SettleItem,
} from './types.ts';

/** mailparser buffers a whole mail (~3x its size in memory); bigger ones are read only in part. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** what is read of an oversized mail: enough for the headers and the start of the text */
export const TRUNCATED_PREFIX_BYTES = 256 * 1024;
/** used only when the server has no IDLE */
export const POLL_INTERVAL_MS = 30_000;
export const DEFAULT_PROCESSED_MAILBOX = 'Verwerkt';
/** setTimeout fires at once for anything longer */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ImapSourceOptions extends ImapConnectionOptions {
  /** default 'INBOX' */
  mailbox?: string;
  /** full path (server's delimiter) of the folder handled mail is moved to; created when missing */
  processedMailbox?: string;
  maxMessageBytes?: number;
  truncatedPrefixBytes?: number;
  pollIntervalMs?: number;
  /** bytes of mail read into one batch (default BATCH_MAX_BYTES) */
  batchMaxBytes?: number;
}

interface Waiter {
  wake(): void;
  fail(err: TransportError): void;
}

const SOURCE_ID = /^imap:([^:]+):(\d+)$/;

export function imapSourceId(uidValidity: string, uid: number): string {
  return `imap:${uidValidity}:${uid}`;
}

export class ImapSource implements MailSource {
  readonly kind = 'imap' as const;
  private client: ImapFlow | null = null;
  private readonly mailbox: string;
  private readonly processedMailbox: string;
  private readonly maxMessageBytes: number;
  private readonly prefixBytes: number;
  private readonly pollIntervalMs: number;
  /** as the server spells it ('inbox' is reported as 'INBOX') */
  private selectedPath: string | null = null;
  private processedExists = false;
  /** set by EXISTS growth, cleared when a fetch starts: mail that came in between is never missed */
  private mailSignalled = false;
  private closing = false;
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly opts: ImapSourceOptions) {
    this.mailbox = opts.mailbox ?? 'INBOX';
    this.processedMailbox = opts.processedMailbox ?? DEFAULT_PROCESSED_MAILBOX;
    this.maxMessageBytes = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.prefixBytes = Math.min(opts.truncatedPrefixBytes ?? TRUNCATED_PREFIX_BYTES, this.maxMessageBytes);
    this.pollIntervalMs = opts.pollIntervalMs ?? POLL_INTERVAL_MS;
  }

  /** false once the connection is gone; the worker then builds a new source */
  get connected(): boolean {
    return isClientUsable(this.client);
  }

  async open(): Promise<void> {
    if (this.client) throw new TransportError('IMAP_CONNECTION', 'ImapSource.open() called twice; build a new source to reconnect');
    const client = createImapClient(this.opts);
    this.client = client;
    client.on('exists', (event: { path: string; count: number; prevCount: number }) => {
      if (event.path !== this.selectedPath || event.count <= event.prevCount) return;
      this.mailSignalled = true;
      for (const w of [...this.waiters]) w.wake();
    });
    client.on('close', () => {
      const err = connectionLost(`IMAP ${this.mailbox}`);
      for (const w of [...this.waiters]) {
        if (this.closing) w.wake();
        else w.fail(err);
      }
    });
    await connectImap(client, this.opts);
    try {
      // Kept selected for the whole session: IDLE, and so EXISTS, only happens on the selected mailbox.
      this.selectedPath = (await client.mailboxOpen(this.mailbox)).path;
    } catch (err) {
      const mapped = toTransportError(err, `SELECT ${this.mailbox}`, client);
      await logoutQuietly(client);
      throw mapped;
    }
  }

  async fetchNew(cursor: MailboxCursor | null, max: number): Promise<{ uidValidity: string; messages: RawMessage[] }> {
    const client = this.usableClient('fetch');
    const lock = await this.lock(client, 'fetch');
    try {
      // The session only sees messages the server has announced to it; mail appended by another
      // session since (and not yet reported through IDLE) would be missed by the FETCH below.
      // NOOP makes the server sync and send the EXISTS first.
      await client.noop();
      // Everything announced so far is covered by this fetch; an EXISTS from here on is news.
      this.mailSignalled = false;
      const uidValidity = String(this.selected(client).uidValidity);
      // UIDs from another UIDVALIDITY say nothing about this mailbox: start from the beginning.
      const after = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
      if (max <= 0 || this.selected(client).exists === 0) return { uidValidity, messages: [] };

      // SEARCH answers with bare numbers: cheap even for a large backlog, of which only `max` are read.
      // `N:*` also matches the last message when N is above the highest UID, hence the filter.
      const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
      if (!Array.isArray(found)) throw new TransportError('IMAP_COMMAND', `UID SEARCH in ${this.mailbox} failed`);
      const wanted = found.filter((uid) => uid > after).sort((a, b) => a - b).slice(0, max);
      if (wanted.length === 0) return { uidValidity, messages: [] };
      // Sizes before bodies, so no oversized message is ever requested whole.
      const fits = (m: FetchMessageObject) => m.size !== undefined && m.size <= this.maxMessageBytes;
      const allSizes = (await client.fetchAll(uidSet(wanted), { uid: true, size: true }, { uid: true })).sort((a, b) => a.uid - b.uid);
      // The rest of the batch comes next time: the cursor moves only past what is returned.
      const sizes = allSizes.slice(0, countWithinBytes(allSizes.map((m) => (fits(m) ? m.size! : this.prefixBytes)), this.opts.batchMaxBytes));

      const whole = sizes.filter(fits).map((m) => m.uid);
      const partial = sizes.filter((m) => !fits(m)).map((m) => m.uid);
      // fetchAll collects before returning: no command may run while a FETCH is still streaming.
      const sources = new Map<number, Buffer>();
      const arrived = new Map<number, string>();
      if (whole.length) {
        for (const m of await client.fetchAll(uidSet(whole), { uid: true, source: true, internalDate: true }, { uid: true })) {
          if (m.source) sources.set(m.uid, m.source);
          if (m.internalDate) arrived.set(m.uid, new Date(m.internalDate).toISOString());
        }
      }
      if (partial.length) {
        const query = { uid: true, source: { start: 0, maxLength: this.prefixBytes }, internalDate: true };
        for (const m of await client.fetchAll(uidSet(partial), query, { uid: true })) {
          if (m.source) sources.set(m.uid, m.source);
          if (m.internalDate) arrived.set(m.uid, new Date(m.internalDate).toISOString());
        }
      }

      const messages: RawMessage[] = [];
      for (const m of sizes) {
        const raw = sources.get(m.uid);
        // Gone between the two FETCHes (a person moved it): nothing to hand over.
        if (!raw) continue;
        const truncated = m.size !== undefined ? m.size > this.maxMessageBytes : raw.length >= this.prefixBytes;
        messages.push({
          sourceId: imapSourceId(uidValidity, m.uid),
          uid: m.uid,
          raw,
          size: m.size ?? raw.length,
          truncated,
          arrivedAt: arrived.get(m.uid) ?? null,
        });
      }
      return { uidValidity, messages };
    } catch (err) {
      throw toTransportError(err, `fetch from ${this.mailbox}`, client);
    } finally {
      lock.release();
    }
  }

  async settle(items: SettleItem[]): Promise<void> {
    const toFile = items.filter((i) => i.disposition === 'file');
    // 'leave' needs nothing: the fetch used BODY.PEEK, so they are still unread.
    if (toFile.length === 0) return;
    const client = this.usableClient('settle');
    const lock = await this.lock(client, 'settle');
    try {
      const uidValidity = String(this.selected(client).uidValidity);
      // After a UIDVALIDITY change the same UID names another message; moving it would be wrong.
      const uids = toFile.filter((i) => SOURCE_ID.exec(i.sourceId)?.[1] === uidValidity).map((i) => i.uid);
      if (uids.length === 0) return;
      const range = uidSet(uids);
      await this.ensureProcessedMailbox(client);
      // UID MOVE of UIDs that are already gone succeeds, which makes settling twice harmless.
      let moved = await client.messageMove(range, this.processedMailbox, { uid: true });
      if (!moved && isClientUsable(client)) {
        // Most likely someone removed the folder by hand since we created it.
        this.processedExists = false;
        await this.ensureProcessedMailbox(client);
        moved = await client.messageMove(range, this.processedMailbox, { uid: true });
      }
      if (!isClientUsable(client)) throw connectionLost(`UID MOVE to ${this.processedMailbox}`);
      if (!moved) throw new TransportError('IMAP_COMMAND', `UID MOVE ${range} to ${this.processedMailbox} was refused`);
    } catch (err) {
      throw toTransportError(err, `settle into ${this.processedMailbox}`, client);
    } finally {
      lock.release();
    }
  }

  waitForMail(timeoutMs: number, signal: AbortSignal): Promise<void> {
    let client: ImapFlow;
    try {
      client = this.usableClient('wait for mail');
    } catch (err) {
      return Promise.reject(err);
    }
    if (signal.aborted || this.mailSignalled) return Promise.resolve();
    // imapflow starts IDLE by itself once the connection is quiet (AUTO_IDLE_DELAY_MS); only servers
    // without IDLE need a NOOP now and then to hear about new mail.
    const poll = !client.capabilities.has('IDLE');
    return new Promise<void>((resolve, reject) => {
      let pollTimer: NodeJS.Timeout | undefined;
      const cleanup = () => {
        clearTimeout(timer);
        clearTimeout(pollTimer);
        signal.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        wake: () => {
          cleanup();
          resolve();
        },
        fail: (err) => {
          cleanup();
          reject(err);
        },
      };
      const onAbort = () => waiter.wake();
      const timer = setTimeout(waiter.wake, Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS));
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
      if (poll) {
        const tick = () => {
          pollTimer = setTimeout(() => {
            client.noop().then(
              () => {
                if (this.waiters.has(waiter)) tick();
              },
              (err: unknown) => {
                if (this.waiters.has(waiter)) waiter.fail(toTransportError(err, 'NOOP', client));
              },
            );
          }, this.pollIntervalMs);
        };
        tick();
      }
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const client = this.client;
    for (const w of [...this.waiters]) w.wake();
    await logoutQuietly(client);
  }

  private usableClient(what: string): ImapFlow {
    if (!this.client) throw new TransportError('IMAP_CONNECTION', `${what}: ImapSource is not open`);
    if (!isClientUsable(this.client)) throw connectionLost(`${what} in ${this.mailbox}`);
    return this.client;
  }

  private async lock(client: ImapFlow, what: string) {
    try {
      return await client.getMailboxLock(this.mailbox);
    } catch (err) {
      throw toTransportError(err, `${what}: lock ${this.mailbox}`, client);
    }
  }

  private selected(client: ImapFlow): MailboxObject {
    if (!client.mailbox) throw connectionLost(`${this.mailbox} is not selected`);
    return client.mailbox;
  }

  private async ensureProcessedMailbox(client: ImapFlow): Promise<void> {
    if (this.processedExists) return;
    // CREATE answers ALREADYEXISTS (created: false) when it is there; imapflow subscribes new ones.
    await client.mailboxCreate(this.processedMailbox);
    this.processedExists = true;
  }
}

/** For the worker's reconnect loop: each call builds and opens a fresh source. */
export function imapSourceFactory(opts: ImapSourceOptions): () => Promise<ImapSource> {
  return async () => {
    const source = new ImapSource(opts);
    await source.open();
    return source;
  };
}
