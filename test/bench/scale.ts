// Store cost per handled mail as the store grows, measured IN-PROCESS with the real Worker loop (fetch →
// intake → composePending → store.commit → flushOutbox (journal fsync per send) → commit → settle → commit,
// and the tick when caught up)
// over in-memory transports, against a real store (DurableJsonFile: temp file, fsync, rename, dir fsync)
// pre-seeded with `registrations` old registrations on other events. IMAP/SMTP are left out on purpose:
// this isolates what grows with the store. rush.ts runs one child process per size:
//   node --import tsx test/bench/scale.ts   with SCALE_CONFIG='{"registrations":20000,"batches":4,"batch":100,"capacity":500}'
import { runAsChild } from './stats.ts';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { effectiveEvents } from '../../src/core/events.ts';
import { tick } from '../../src/core/tick.ts';
import type { DeskState } from '../../src/core/state.ts';
import { silentLogger } from '../../src/shell/log.ts';
import { TEMPLATES_DIR } from '../../src/shell/paths.ts';
import { loadTemplates } from '../../src/shell/template-files.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import type { MailboxCursor, MailSender, MailSource, RawMessage, SentCopies, SettleItem } from '../../src/transport/types.ts';
import { intake } from '../../src/worker/intake.ts';
import { composePending } from '../../src/worker/outbox.ts';
import { Worker } from '../../src/worker/worker.ts';
import { benchEvents, seededState, signupMail, writeStore } from './seed.ts';

export interface ScaleConfig {
  registrations: number;
  /** measured batches (after one warm-up batch) */
  batches: number;
  batch: number;
  capacity: number;
}

export interface ScaleResult {
  registrations: number;
  dbBytesBefore: number;
  dbBytesAfter: number;
  openMs: number;
  mails: number;
  /** whole worker cycle per mail (fetch commit + sends + journal + flush commit + settle commit) */
  perMailMs: number;
  commits: number;
  commitMsAvg: number;
  commitMsPerMail: number;
  journalMsPerMail: number;
  /** the pure parts, timed directly on the grown state with one more batch */
  intakeMsPerMail: number;
  composeMsPerMail: number;
  stringifyMs: number;
  hwmMb: number | null;
}

/** A mailbox in memory: messages get UIDs in push order; waitForMail wakes on push (never misses one, like ImapSource). */
class MemorySource implements MailSource {
  readonly kind = 'imap' as const;
  private readonly messages: RawMessage[] = [];
  private wake: (() => void) | null = null;
  /** set by push, cleared when a fetch starts */
  private signalled = false;
  fetchCalls: { at: number; returned: number; after: number }[] = [];

  push(raws: Buffer[]): void {
    for (const raw of raws) {
      const uid = this.messages.length + 1;
      this.messages.push({ sourceId: `imap:1:${uid}`, uid, raw, size: raw.length, truncated: false });
    }
    this.signalled = true;
    this.wake?.();
  }

  get total(): number {
    return this.messages.length;
  }

  async open(): Promise<void> {}

  async fetchNew(cursor: MailboxCursor | null, max: number) {
    this.signalled = false;
    const after = cursor?.uidValidity === '1' ? cursor.lastUid : 0;
    const messages = this.messages.filter((m) => m.uid > after).slice(0, max);
    this.fetchCalls.push({ at: performance.now(), returned: messages.length, after });
    return { uidValidity: '1', messages };
  }

  async settle(_items: SettleItem[]): Promise<void> {}

  waitForMail(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.signalled || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, Math.min(timeoutMs, 60_000));
      signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }

  async close(): Promise<void> {}
}

class CountingSender implements MailSender {
  sent = 0;
  async send(): Promise<void> {
    this.sent++;
  }
  async close(): Promise<void> {}
}

const noCopies: SentCopies = { save: async () => undefined, saveOnce: async () => true };

/** The real store, with its commits and journal writes timed; anything else passes through untouched. */
function timedStore(store: Store) {
  const t = { commits: 0, commitMs: 0, journal: 0, journalMs: 0 };
  const commit = async (next: DeskState) => {
    const s = performance.now();
    await store.commit(next);
    t.commitMs += performance.now() - s;
    t.commits++;
  };
  const recordSent = async (id: string) => {
    const s = performance.now();
    await store.recordSent(id);
    t.journalMs += performance.now() - s;
    t.journal++;
  };
  const wrapped = new Proxy(store, {
    get(target, key) {
      if (key === 'commit') return commit;
      if (key === 'recordSent') return recordSent;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, t };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`scale: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export async function runScale(config: ScaleConfig): Promise<ScaleResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aanmeldbot-bench-scale-'));
  try {
    const events = benchEvents(config.capacity);
    const dbBytesBefore = writeStore(dataDir, seededState(config.registrations));
    const openStarted = performance.now();
    const { store, t } = timedStore(await openStore(dataDir));
    const openMs = performance.now() - openStarted;
    const source = new MemorySource();
    const sender = new CountingSender();
    const deskConfig = { messageIdDomain: 'aanmeldbot.example.test', organisers: [], trustedAuthservId: null, replyCapPerDay: 5 };
    const templates = loadTemplates(TEMPLATES_DIR);
    const senderInfo = { fromName: 'HIER opgewekt', fromAddress: 'info@example.test', contactPhone: '030 - 711 64 00' };
    const worker = new Worker({
      store, events, templates, sender: senderInfo, openSource: async () => source, mailSender: sender, sentCopies: () => noCopies,
      deskConfig, batchSize: config.batch, pollIntervalMs: 60_000, retryBaseMs: 1_000, now: () => new Date(), log: silentLogger,
      // As start.ts binds it, with the configuration defaults (no digest recipients).
      tick: (state, evs, now) =>
        tick(state, evs, now, {
          messageIdDomain: deskConfig.messageIdDomain, reminderDays: 2, retentionDays: 30,
          promotion: { latePromotionHours: 24, offerHours: 4 }, digest: { to: [], language: 'nl', dueDay: null },
        }),
    });
    const done = worker.start();
    let next = 1;
    const feed = (count: number) => {
      source.push(Array.from({ length: count }, () => signupMail(next++, 'scale').raw));
    };
    /** waits until everything pushed was fetched, replied to, and the loop came back for more */
    const drained = async (timeoutMs: number) => {
      const target = source.total;
      await until(() => sender.sent >= target && source.fetchCalls.some((c) => c.after >= target && c.returned === 0), timeoutMs, `${target} mails`);
    };

    // Warm-up: JIT and first-time costs, not measured.
    feed(config.batch);
    await drained(120_000);
    const before = { ...t };
    const started = performance.now();
    const mails = config.batch * config.batches;
    feed(mails);
    await drained(600_000);
    const elapsed = performance.now() - started;
    const commits = t.commits - before.commits;
    const commitMs = t.commitMs - before.commitMs;
    const journalMs = t.journalMs - before.journalMs;
    await worker.stop();
    await done;

    // The pure parts, on the grown state, timed directly with one more batch (not committed).
    const state: DeskState = store.state;
    const batch = Array.from({ length: config.batch }, (_, k) => {
      const raw = signupMail(next++, 'scale').raw;
      return { sourceId: `imap:1:${100_000 + k}`, uid: 100_000 + k, raw, size: raw.length, truncated: false };
    });
    const ctx = (s: DeskState) => ({ ...deskConfig, now: new Date(), events: effectiveEvents(events, s) });
    let s0 = performance.now();
    const taken = await intake(state, batch, ctx);
    const intakeMs = performance.now() - s0;
    s0 = performance.now();
    await composePending(taken.state, events, templates, senderInfo, silentLogger);
    const composeMs = performance.now() - s0;
    s0 = performance.now();
    JSON.stringify(taken.state);
    const stringifyMs = performance.now() - s0;
    await store.close();
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'));
    return {
      registrations: config.registrations,
      dbBytesBefore,
      dbBytesAfter: statSync(join(dataDir, 'db.json')).size,
      openMs,
      mails,
      perMailMs: elapsed / mails,
      commits,
      commitMsAvg: commits ? commitMs / commits : 0,
      commitMsPerMail: commitMs / mails,
      journalMsPerMail: journalMs / mails,
      intakeMsPerMail: intakeMs / config.batch,
      composeMsPerMail: composeMs / config.batch,
      stringifyMs,
      hwmMb: hwm ? Number(hwm[1]) / 1024 : null,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runAsChild(import.meta.url, 'SCALE_CONFIG', runScale);
