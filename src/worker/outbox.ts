// The outgoing queue lives in the store. A reply is composed once (bytes stored), sent, journaled, and only
// then marked sent; SMTP refusals are retried with backoff and never dropped.
import type { DeskState, OutboxItem } from '../core/state.ts';
import type { EventInfo } from '../core/types.ts';
import { composeReply, type Sender, type TemplateSet } from '../mail/compose.ts';
import type { Logger } from '../shell/log.ts';
import { type MailSender, TransportError } from '../transport/types.ts';

export const RETRY_BASE_MS = 5_000;
const RETRY_MAX_MS = 30 * 60_000;
/** Give up (status failed, shown in the digest) after this many temporary failures: about two days. */
export const MAX_SEND_ATTEMPTS = 100;
const SEND_CONCURRENCY = 5;
const YIELD_EVERY_COMPOSED = 10;

export function retryDelayMs(attempts: number, baseMs = RETRY_BASE_MS): number {
  return Math.min(RETRY_MAX_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The item's bytes. Dated when the reply was queued, and boundaries come from the Message-ID, so building
 * them again later (for a Sent copy after a restart) gives the same mail, as long as the templates, the
 * event and the sender settings are unchanged.
 */
export function buildReply(item: OutboxItem, events: EventInfo[], templates: TemplateSet, sender: Sender): Promise<{ raw: Buffer; envelope: { from: string; to: string[] } }> {
  const event = events.find((e) => e.id === item.spec.eventId) ?? null;
  return composeReply(item.spec, event, templates, sender, new Date(item.createdAt));
}

export async function composePending(state: DeskState, events: EventInfo[], templates: TemplateSet, sender: Sender, log: Logger): Promise<DeskState> {
  const pending = state.outbox.filter((o) => o.raw === null && o.status === 'queued');
  if (pending.length === 0) return state;
  const composed = new Map<string, OutboxItem>();
  for (const [i, item] of pending.entries()) {
    // Composing is synchronous CPU work now: give replies being sent meanwhile a moment to reach the
    // journal (a kill between the server's "250" and the journal line is what can repeat a reply).
    if (i > 0 && i % YIELD_EVERY_COMPOSED === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      const mail = await buildReply(item, events, templates, sender);
      composed.set(item.id, { ...item, raw: mail.raw.toString('base64'), envelope: mail.envelope });
    } catch (err) {
      log.error('compose-failed', { id: item.id, kind: item.spec.kind, error: (err as Error).message });
      composed.set(item.id, { ...item, status: 'failed', lastError: `compose: ${(err as Error).message}` });
    }
  }
  return { ...state, outbox: state.outbox.map((o) => composed.get(o.id) ?? o) };
}

export function due(item: OutboxItem, now: Date): boolean {
  return item.status === 'queued' && item.raw !== null && (!item.nextAttemptAt || Date.parse(item.nextAttemptAt) <= now.getTime());
}

export function nextDueAt(state: DeskState): number | null {
  const times = state.outbox.filter((o) => o.status === 'queued' && o.raw !== null).map((o) => (o.nextAttemptAt ? Date.parse(o.nextAttemptAt) : 0));
  return times.length ? Math.min(...times) : null;
}

export interface FlushDeps {
  sender: MailSender;
  /** a Sent copy will be made: mark sent items awaitingCopy and pass their bytes to onSent */
  keepForCopy: boolean;
  /** the bytes just sent, for the Sent copy (kept in memory, not in the store) */
  onSent?: (id: string, raw: Buffer) => void;
  /** journals a send: the line is written before it returns (a kill cannot lose it), the promise is the fsync */
  recordSent: (id: string) => Promise<void>;
  now: () => Date;
  log: Logger;
  retryBaseMs?: number;
}

/**
 * Sends one item. Resolves once the SMTP server answered and, on success, the journal line is written;
 * `done` is the item's new version, ready when the line is also fsynced.
 */
async function sendOne(item: OutboxItem, deps: FlushDeps): Promise<{ done: Promise<OutboxItem> }> {
  const raw = Buffer.from(item.raw!, 'base64');
  try {
    await deps.sender.send({ messageId: item.id, envelope: item.envelope!, raw });
  } catch (err) {
    const code = err instanceof TransportError ? err.code : 'SMTP_TEMPORARY';
    const attempts = item.attempts + 1;
    const permanent = code === 'SMTP_PERMANENT' || attempts >= MAX_SEND_ATTEMPTS;
    deps.log.warn('send-failed', { id: item.id, to: item.spec.to.address, code, attempts, permanent, error: (err as Error).message });
    const failed: OutboxItem = {
      ...item,
      attempts,
      status: permanent ? 'failed' : 'queued',
      lastError: `${code}: ${(err as Error).message}`.slice(0, 500),
      nextAttemptAt: permanent ? null : new Date(deps.now().getTime() + retryDelayMs(attempts, deps.retryBaseMs)).toISOString(),
    };
    return { done: Promise.resolve(failed) };
  }
  // The line is in the page cache once recordSent returns, so a kill from here on cannot send this reply
  // again; the next send need not wait for the fsync (only a power loss in that window could repeat one).
  // Waiting for it cost 2.4 ms per send in a rush, when the store's own fsyncs queue before it.
  const synced = deps.recordSent(item.id);
  deps.log.info('sent', { id: item.id, kind: item.spec.kind, to: item.spec.to.address });
  if (deps.keepForCopy) deps.onSent?.(item.id, raw);
  const sentAt = deps.now().toISOString();
  const sent: OutboxItem = { ...item, attempts: item.attempts + 1, status: 'sent', sentAt, lastError: null, raw: null, awaitingCopy: deps.keepForCopy };
  // The server has the mail whatever the disk says: a failed journal write or fsync must not make the
  // round look unsent (it would go out again). The next store commit records it instead.
  return {
    done: synced.then(
      () => sent,
      (err: Error) => {
        deps.log.error('journal-write-failed', { id: item.id, error: err.message });
        return sent;
      },
    ),
  };
}

/** Sends the given items, a few at a time; returns each item's new version by id. */
export async function sendItems(items: OutboxItem[], deps: FlushDeps): Promise<Map<string, OutboxItem>> {
  const results = new Map<string, OutboxItem>();
  const journaled: Promise<void>[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(SEND_CONCURRENCY, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const { done } = await sendOne(item, deps);
      journaled.push(done.then((result) => void results.set(item.id, result)));
    }
  });
  await Promise.all(workers);
  await Promise.all(journaled);
  return results;
}

/** Sends what is due; returns the state with the results. The caller commits it. */
export async function flushOutbox(state: DeskState, deps: FlushDeps): Promise<{ state: DeskState; sent: number }> {
  const dueItems = state.outbox.filter((o) => due(o, deps.now()));
  if (dueItems.length === 0) return { state, sent: 0 };
  const results = await sendItems(dueItems, deps);
  const outbox = state.outbox.map((o) => results.get(o.id) ?? o);
  return { state: { ...state, outbox }, sent: [...results.values()].filter((o) => o.status === 'sent').length };
}
