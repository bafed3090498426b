// Copies of what the bot sent, in the mailbox's \Sent folder, so organisers see the whole conversation.
// Uses its own IMAP connection: the source keeps INBOX selected for IDLE, and imapflow races two mailbox
// locks on one connection. Operations here are queued one at a time for the same reason.
import type { ImapFlow } from 'imapflow';
import {
  connectImap,
  createImapClient,
  isClientUsable,
  logoutQuietly,
  toTransportError,
  type ImapConnectionOptions,
} from './imap-connect.ts';
import { TransportError, type OutgoingRaw, type SentCopies } from './types.ts';

/** An idle connection is dropped after this; the next save connects again (cheaper than keep-alives). */
export const SENT_IDLE_CLOSE_MS = 15_000;
/** used when the server marks no folder \Sent */
export const FALLBACK_SENT_MAILBOX = 'Sent';

export interface ImapSentOptions extends ImapConnectionOptions {
  /** skip special-use discovery and use this folder */
  sentMailbox?: string;
  idleCloseMs?: number;
}

export class ImapSentCopies implements SentCopies {
  private client: ImapFlow | null = null;
  private sentPath: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly opts: ImapSentOptions) {}

  /** APPEND with \Seen. Not idempotent: after a crash use `saveOnce` (or `hasMessageId`) to avoid doubles. */
  save(mail: OutgoingRaw): Promise<void> {
    return this.serialized('APPEND to Sent', async (client) => {
      const path = await this.sentMailbox(client);
      const res = await client.append(path, mail.raw, ['\\Seen']);
      if (!res) throw new TransportError('IMAP_COMMAND', `APPEND of <${mail.messageId}> to ${path} was refused`);
    });
  }

  /** Whether a message with this Message-ID (without angle brackets) is already in Sent. */
  hasMessageId(messageId: string): Promise<boolean> {
    return this.serialized('SEARCH Sent', async (client) => {
      const path = await this.sentMailbox(client);
      const lock = await client.getMailboxLock(path, { readOnly: true });
      try {
        // SEARCH HEADER matches substrings; the brackets keep <a@x> from matching <ba@x>.
        const found = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
        if (found === false || found === undefined) {
          throw new TransportError('IMAP_COMMAND', `SEARCH for <${messageId}> in ${path} failed`);
        }
        return found.length > 0;
      } finally {
        lock.release();
      }
    });
  }

  /** For crash recovery: saves unless a copy with the same Message-ID is there. Returns whether it saved. */
  async saveOnce(mail: OutgoingRaw): Promise<boolean> {
    if (await this.hasMessageId(mail.messageId)) return false;
    await this.save(mail);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => {});
    clearTimeout(this.idleTimer);
    const client = this.client;
    this.client = null;
    await logoutQuietly(client);
  }

  private serialized<T>(what: string, op: (client: ImapFlow) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new TransportError('IMAP_CONNECTION', `${what}: ImapSentCopies is closed`);
      clearTimeout(this.idleTimer);
      let client: ImapFlow | null = null;
      try {
        client = await this.connection();
        return await op(client);
      } catch (err) {
        const mapped = toTransportError(err, what, client);
        if (mapped.code === 'IMAP_CONNECTION') this.drop();
        throw mapped;
      } finally {
        this.scheduleIdleClose();
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  private async connection(): Promise<ImapFlow> {
    if (isClientUsable(this.client)) return this.client;
    this.drop();
    // Nothing stays selected here, so IDLE would never start; keep imapflow from trying.
    const client = createImapClient(this.opts, { disableAutoIdle: true });
    await connectImap(client, this.opts);
    this.client = client;
    return client;
  }

  private async sentMailbox(client: ImapFlow): Promise<string> {
    if (this.opts.sentMailbox) return this.opts.sentMailbox;
    if (this.sentPath) return this.sentPath;
    const boxes = await client.list();
    const sent =
      boxes.find((b) => b.specialUse === '\\Sent' && b.specialUseSource === 'extension') ??
      boxes.find((b) => b.specialUse === '\\Sent');
    if (sent) {
      this.sentPath = sent.path;
    } else {
      await client.mailboxCreate(FALLBACK_SENT_MAILBOX);
      this.sentPath = FALLBACK_SENT_MAILBOX;
    }
    return this.sentPath;
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    if (client && !client.isClosed) client.close();
  }

  private scheduleIdleClose(): void {
    clearTimeout(this.idleTimer);
    if (!this.client) return;
    this.idleTimer = setTimeout(() => {
      const client = this.client;
      this.client = null;
      // Queue behind any running operation so a logout never cuts one short.
      this.queue = this.queue.then(() => logoutQuietly(client));
    }, this.opts.idleCloseMs ?? SENT_IDLE_CLOSE_MS);
    this.idleTimer.unref();
  }
}
