// Sent copies are made in the background on their own IMAP connection: an APPEND per reply, one at a time,
// halved rush throughput when it sat between one SMTP send and the next. What it copied is folded into the
// state at the worker's next commit; after a crash, recoverSentCopies() re-checks by Message-ID.
import type { DeskState } from '../core/state.ts';
import type { Logger } from '../shell/log.ts';
import type { SentCopies } from '../transport/types.ts';

export class SentCopier {
  private running: Promise<void> | null = null;
  private readonly copied = new Set<string>();
  private readonly failed = new Set<string>();
  private stopped = false;

  /** Copy nothing more after the item in hand (the connection is gone; the next loop recovers the rest). */
  stop(): void {
    this.stopped = true;
  }

  constructor(
    private readonly copies: SentCopies,
    private readonly log: Logger,
  ) {}

  /** Start copying what is sent but not yet copied, unless a round is already running. */
  kick(state: DeskState): void {
    if (this.running) return;
    const todo = state.outbox.filter((o) => o.status === 'sent' && !o.copied && o.raw !== null && !this.copied.has(o.id) && !this.failed.has(o.id));
    if (todo.length === 0) return;
    this.running = (async () => {
      for (const item of todo) {
        if (this.stopped) break;
        try {
          await this.copies.save({ messageId: item.id, envelope: item.envelope!, raw: Buffer.from(item.raw!, 'base64') });
          this.copied.add(item.id);
        } catch (err) {
          // Left uncopied in the store: the next start's recovery tries again (saveOnce, so never twice).
          this.failed.add(item.id);
          this.log.warn('sent-copy-failed', { id: item.id, error: (err as Error).message });
        }
      }
    })().finally(() => {
      this.running = null;
    });
  }

  /** The state with what was copied since the last call marked (and its bytes dropped). */
  fold(state: DeskState): DeskState {
    if (this.copied.size === 0) return state;
    const done = new Set(this.copied);
    this.copied.clear();
    return { ...state, outbox: state.outbox.map((o) => (done.has(o.id) ? { ...o, copied: true, raw: null } : o)) };
  }

  async idle(): Promise<void> {
    await this.running;
  }
}
