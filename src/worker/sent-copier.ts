// Sent copies are made in the background on their own IMAP connection: an APPEND per reply, one at a time,
// halved rush throughput when it sat between one SMTP send and the next. The bytes of what this process
// sent are held here in memory, not in the store (which is rewritten per batch); what an earlier process
// sent is rebuilt from its spec and saved only if its Message-ID is not in Sent yet (the APPEND may have
// happened just before a crash). What it copied is folded into the state at the worker's next commit.
import type { DeskState, OutboxItem } from '../core/state.ts';
import type { Logger } from '../shell/log.ts';
import type { SentCopies } from '../transport/types.ts';

export class SentCopier {
  private running: Promise<void> | null = null;
  /** bytes sent by this process, by Message-ID, until their copy is saved */
  private readonly fresh = new Map<string, Buffer>();
  private readonly copied = new Set<string>();
  private readonly failed = new Set<string>();
  private stopped = false;

  constructor(
    private readonly copies: SentCopies,
    private readonly log: Logger,
    /** the bytes of an item sent before this copier existed */
    private readonly rebuild: (item: OutboxItem) => Promise<Buffer>,
    /** whether the current state still wants this copy (an erasure in a later batch scrubs the item) */
    private readonly stillWanted: (id: string) => boolean = () => true,
  ) {}

  /** The bytes just sent for `id`: copied as they are, with no search first. */
  offer(id: string, raw: Buffer): void {
    this.fresh.set(id, raw);
  }

  /** Copy nothing more after the item in hand (the connection is gone; the next loop recovers the rest). */
  stop(): void {
    this.stopped = true;
  }

  /** Start copying what is sent but not yet copied, unless a round is already running. */
  kick(state: DeskState): void {
    if (this.running) return;
    const todo = state.outbox.filter((o) => o.status === 'sent' && o.awaitingCopy && !this.copied.has(o.id) && !this.failed.has(o.id));
    if (todo.length === 0) return;
    this.running = (async () => {
      const started = Date.now();
      let saved = 0;
      for (const item of todo) {
        if (this.stopped) break;
        if (!this.stillWanted(item.id)) {
          this.fresh.delete(item.id);
          continue;
        }
        try {
          await this.copy(item);
          this.copied.add(item.id);
          saved++;
        } catch (err) {
          // Left uncopied in the store: the next loop tries again (saveOnce, so never twice).
          this.failed.add(item.id);
          this.log.warn('sent-copy-failed', { id: item.id, error: (err as Error).message });
        } finally {
          this.fresh.delete(item.id);
        }
      }
      this.log.info('sent-copies', { saved, of: todo.length, ms: Date.now() - started });
    })().finally(() => {
      this.running = null;
    });
  }

  private async copy(item: OutboxItem): Promise<void> {
    const fresh = this.fresh.get(item.id);
    if (fresh) return this.copies.save({ messageId: item.id, envelope: item.envelope!, raw: fresh });
    // Stores written before bytes were dropped on sending still have them.
    const raw = item.raw !== null ? Buffer.from(item.raw, 'base64') : await this.rebuild(item);
    await this.copies.saveOnce({ messageId: item.id, envelope: item.envelope!, raw });
  }

  /** The state with what was copied since the last call marked. */
  fold(state: DeskState): DeskState {
    if (this.copied.size === 0) return state;
    const done = new Set(this.copied);
    this.copied.clear();
    return { ...state, outbox: state.outbox.map((o) => (done.has(o.id) ? { ...o, copied: true, awaitingCopy: false, raw: null } : o)) };
  }

  async idle(): Promise<void> {
    await this.running;
  }
}
