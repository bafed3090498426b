// The imperative shell: fetch → decide → commit → send → move, in batches, forever. Every step after the
// commit can be repeated safely, which is what makes a kill at any instant harmless.
import { effectiveEvents } from '../core/events.ts';
import type { DeskContext } from '../core/decide.ts';
import { applyActions } from '../core/apply.ts';
import type { TickResult } from '../core/tick.ts';
import { backoffDelayMs } from '../transport/reconnect.ts';
import type { DeskState, OutboxItem, PendingSettle } from '../core/state.ts';
import type { EventInfo } from '../core/types.ts';
import type { Sender, TemplateSet } from '../mail/compose.ts';
import type { Logger } from '../shell/log.ts';
import type { Store } from '../store/store.ts';
import type { MailSender, MailSource, SentCopies } from '../transport/types.ts';
import { intake } from './intake.ts';
import { buildReply, composePending, due, nextDueAt } from './outbox.ts';
import { SentCopier } from './sent-copier.ts';
import { SendPump } from './send-pump.ts';

/** How long a reconnect waits for the Sent copy in hand. */
const COPIER_GRACE_MS = 2_000;

export interface WorkerDeps {
  store: Store;
  events: EventInfo[];
  templates: TemplateSet;
  sender: Sender;
  openSource: () => Promise<MailSource>;
  mailSender: MailSender;
  sentCopies: (source: MailSource) => SentCopies | null;
  deskConfig: Omit<DeskContext, 'now' | 'events'>;
  batchSize: number;
  /** how long to wait for new mail before looking again anyway */
  pollIntervalMs: number;
  /** first SMTP retry delay; doubles per attempt */
  retryBaseMs: number;
  now: () => Date;
  log: Logger;
  /** what time alone makes due (reminders, offers, the digest): core/tick.ts with the settings bound */
  tick?: (state: DeskState, events: EventInfo[], now: Date) => TickResult;
}

export class Worker {
  private stopping = false;
  private readonly stopSignal = new AbortController();
  private wakeSignal = new AbortController();
  private source: MailSource | null = null;
  /** resolves when the loop has ended */
  private finished: Promise<void> | null = null;
  handledCount = 0;

  constructor(private readonly deps: WorkerDeps) {}

  private get state(): DeskState {
    return this.deps.store.state;
  }

  private context = (state: DeskState): DeskContext => ({
    ...this.deps.deskConfig,
    now: this.deps.now(),
    events: effectiveEvents(this.deps.events, state),
  });

  /** Finish the message at hand, then stop (SIGTERM/SIGINT). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    await this.finished;
  }

  /** Stop waiting for mail and run a round now (the digest's cron time). */
  wake(): void {
    this.wakeSignal.abort();
  }

  start(): Promise<void> {
    this.finished = this.run();
    return this.finished;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let everOpened = false;
    while (!this.stopping) {
      try {
        this.source = await this.deps.openSource();
        failures = 0;
        everOpened = true;
        this.deps.log.info('mailbox-open', { kind: this.source.kind });
        await this.loop(this.source);
      } catch (err) {
        if (this.stopping) break;
        // A login refused at start-up is a configuration error: say so and stop (exit 2), rather than retry
        // for ever. Once the mailbox has worked, a refusal may be the server's passing trouble: retry.
        if (!everOpened && (err as { code?: string }).code === 'IMAP_AUTH') {
          this.deps.log.error('mailbox-login-refused', { error: (err as Error).message });
          await this.deps.mailSender.close().catch(() => undefined);
          throw err;
        }
        const delay = backoffDelayMs(failures++);
        this.deps.log.warn('mailbox-lost', { code: (err as { code?: string }).code ?? 'UNKNOWN', error: (err as Error).message, retryInMs: delay });
        await sleep(delay, this.stopSignal.signal);
      } finally {
        await this.source?.close().catch(() => undefined);
        this.source = null;
      }
    }
    await this.deps.mailSender.close().catch(() => undefined);
  }

  private async loop(source: MailSource): Promise<void> {
    const copies = this.deps.sentCopies(source);
    if (!copies && this.state.outbox.some((o) => o.awaitingCopy)) {
      // No Sent folder here (local mode, SAVE_SENT_COPY=false): nothing is waiting for a copy.
      this.deps.store.stage({ ...this.state, outbox: this.state.outbox.map((o) => (o.awaitingCopy ? { ...o, awaitingCopy: false, raw: null } : o)) });
    }
    const rebuild = async (item: OutboxItem) => (await buildReply(item, effectiveEvents(this.deps.events, this.state), this.deps.templates, this.deps.sender)).raw;
    const stillWanted = (id: string) => this.state.outbox.some((o) => o.id === id && o.awaitingCopy);
    const copier = copies ? new SentCopier(copies, this.deps.log, rebuild, stillWanted) : null;
    const pump = new SendPump({
      sender: this.deps.mailSender,
      keepForCopy: copier !== null,
      onSent: (id, raw) => copier?.offer(id, raw),
      recordSent: (id) => this.deps.store.recordSent(id),
      now: this.deps.now,
      log: this.deps.log,
      retryBaseMs: this.deps.retryBaseMs,
    });
    const fold = (state: DeskState) => (copier ? copier.fold(pump.fold(state)) : pump.fold(state));
    /** the last fetch was a full batch: more mail is waiting */
    let backlog = false;
    try {
      while (!this.stopping) {
        // Replies go out in the background while the moves are made and the next batch is read. Sent copies
        // wait while mail or replies are backed up: their APPENDs cost the IMAP server and this process CPU
        // the replies need (a rush went 0.66x -> 0.87x of the floor without them).
        if (backlog && pump.busy) {
          // Decide one batch ahead of the sending, not the whole backlog: queued replies keep their bytes in
          // the store, which is rewritten per batch (deciding 2,000 ahead made each write megabytes).
          await pump.idle();
          this.deps.store.stage(fold(this.state));
        }
        pump.kick(this.state);
        if (!backlog && !pump.busy) copier?.kick(this.state);
        await this.settlePending(source);
        const fetched = await this.fetch(source, fold);
        backlog = fetched >= this.deps.batchSize;
        if (fetched > 0) continue;
        await pump.idle();
        this.deps.store.stage(fold(this.state));
        const now = this.deps.now();
        if (this.state.outbox.some((o) => due(o, now))) continue;
        // Caught up: now what time alone makes due, so a digest counts the mail that was waiting.
        if (await this.runTick()) continue;
        if (this.stopping) break;
        copier?.kick(this.state);
        await this.commitIfDirty(fold);
        const dueAt = nextDueAt(this.state);
        const untilDue = dueAt === null ? Infinity : Math.max(0, dueAt - this.deps.now().getTime());
        this.wakeSignal = new AbortController();
        await source.waitForMail(Math.min(this.deps.pollIntervalMs, untilDue), AbortSignal.any([this.stopSignal.signal, this.wakeSignal.signal]));
      }
    } finally {
      await pump.idle().catch(() => undefined);
      // On a lost connection, don't let a queue of Sent copies against a dead server hold up the reconnect.
      if (!this.stopping) copier?.stop();
      await (this.stopping ? copier?.idle() : Promise.race([copier?.idle(), sleep(COPIER_GRACE_MS)]));
      await this.commitIfDirty(fold).catch((err: Error) => this.deps.log.error('store-write-failed', { error: err.message }));
    }
  }

  /** Staged changes (sends, moves, Sent copies) are written before waiting: a quiet bot has a tidy store. */
  private async commitIfDirty(fold: (state: DeskState) => DeskState): Promise<void> {
    const folded = fold(this.state);
    if (folded !== this.state || this.deps.store.dirty) await this.deps.store.commit(folded);
  }

  /** True when it queued something (the caller sends it before waiting). */
  private async runTick(): Promise<boolean> {
    if (!this.deps.tick) return false;
    const now = this.deps.now();
    const result = this.deps.tick(this.state, effectiveEvents(this.deps.events, this.state), now);
    if (result.actions.length === 0) return false;
    const applied = applyActions(this.state, result.actions, result.cause);
    await this.deps.store.commit(await composePending(applied, effectiveEvents(this.deps.events, applied), this.deps.templates, this.deps.sender, this.deps.log));
    this.deps.log.info('tick', result.done);
    return true;
  }

  /** One batch: fetch, decide in arrival order, and commit everything in a single durable write. */
  async fetch(source: MailSource, fold: (state: DeskState) => DeskState = (s) => s): Promise<number> {
    const cursor = this.state.cursor;
    let { uidValidity, messages } = await source.fetchNew(cursor, this.deps.batchSize);
    if (cursor && cursor.uidValidity !== uidValidity) {
      // RFC 3501 §2.3.1.1: UIDs mean nothing any more. Start over; Message-IDs keep us from handling twice.
      this.deps.log.warn('uidvalidity-changed', { old: cursor.uidValidity, new: uidValidity });
      ({ uidValidity, messages } = await source.fetchNew({ uidValidity, lastUid: 0 }, this.deps.batchSize));
    }
    if (messages.length === 0) {
      if (!cursor || cursor.uidValidity !== uidValidity) await this.deps.store.commit({ ...this.state, cursor: { uidValidity, lastUid: 0 } });
      return 0;
    }
    const { state, handled } = await intake(this.state, messages, this.context);
    const lastUid = Math.max(cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0, ...messages.map((m) => m.uid));
    const settles: PendingSettle[] = handled.map((h) => ({ sourceId: h.message.sourceId, uid: h.message.uid, disposition: h.decision.disposition }));
    const composed = await composePending(state, effectiveEvents(this.deps.events, state), this.deps.templates, this.deps.sender, this.deps.log);
    const next = { ...composed, cursor: { uidValidity, lastUid }, pendingSettle: [...composed.pendingSettle, ...settles] };
    await this.deps.store.commit(fold(next));
    for (const h of handled) {
      this.handledCount++;
      this.deps.log.info('handled', {
        key: h.decision.key,
        from: h.parsed.from?.address ?? null,
        subject: h.parsed.subject.slice(0, 80),
        intent: h.decision.classification?.intent ?? null,
        decision: h.decision.summary,
        replies: h.decision.actions.filter((a) => a.type === 'send').length,
        disposition: h.decision.disposition,
      });
    }
    return messages.length;
  }

  private async settlePending(source: MailSource): Promise<void> {
    const pending = this.state.pendingSettle;
    if (pending.length === 0) return;
    await source.settle(pending);
    const done = new Set(pending.map((p) => p.sourceId));
    // A move repeated after a crash finds nothing to move: staging is enough.
    this.deps.store.stage({ ...this.state, pendingSettle: this.state.pendingSettle.filter((p) => !done.has(p.sourceId)) });
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
