// The worker's own code path, in process, for fuzzing: Worker.fetch (parse → decide → apply → compose →
// one durable commit to a real store in a temp dir) and flushOutbox (send → journal → commit), with an
// in-memory mailbox and an SMTP stand-in that checks every reply's bytes. Only the network is left out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { confirmedOf } from '../../../src/core/seats.ts';
import type { DeskState } from '../../../src/core/state.ts';
import type { EventInfo } from '../../../src/core/types.ts';
import type { Logger, LogFields } from '../../../src/shell/log.ts';
import { TEMPLATES_DIR } from '../../../src/shell/paths.ts';
import { loadTemplates } from '../../../src/shell/template-files.ts';
import { openStore, type Store } from '../../../src/store/store.ts';
import type { MailboxCursor, MailSender, MailSource, OutgoingRaw, RawMessage, SettleItem } from '../../../src/transport/types.ts';
import { flushOutbox } from '../../../src/worker/outbox.ts';
import { Worker } from '../../../src/worker/worker.ts';
import { EVENTS } from '../../helpers/events.ts';

export const FUZZ_NOW = new Date('2026-11-26T12:00:00+01:00');
export const DESK_ADDRESS = 'info@hieropgewekt.nl';
export const MESSAGE_ID_DOMAIN = 'aanmeldbot.hieropgewekt.nl';

/** A mailbox in memory with IMAP's semantics that matter here: UIDs in arrival order, settle is idempotent. */
export class MemorySource implements MailSource {
  readonly kind = 'imap' as const;
  readonly uidValidity = '1';
  private nextUid = 1;
  readonly inbox = new Map<number, RawMessage>();
  readonly filed = new Set<number>();

  add(raw: Buffer, opts: { truncated?: boolean } = {}): number {
    const uid = this.nextUid++;
    this.inbox.set(uid, { sourceId: `imap:${this.uidValidity}:${uid}`, uid, raw, size: raw.length, truncated: opts.truncated ?? false });
    return uid;
  }
  async open() {}
  async fetchNew(cursor: MailboxCursor | null, max: number) {
    const after = cursor?.uidValidity === this.uidValidity ? cursor.lastUid : 0;
    const messages = [...this.inbox.values()].filter((m) => m.uid > after).sort((a, b) => a.uid - b.uid).slice(0, max);
    return { uidValidity: this.uidValidity, messages };
  }
  async settle(items: SettleItem[]) {
    for (const i of items) {
      if (i.disposition === 'file' && this.inbox.delete(i.uid)) this.filed.add(i.uid);
    }
  }
  async waitForMail() {}
  async close() {}
}

export interface ReplyProblem {
  id: string;
  problem: string;
}

const ALLOWED_REPLY_HEADERS = new Set([
  'content-type', 'from', 'to', 'subject', 'message-id', 'date', 'in-reply-to', 'references', 'mime-version',
  'auto-submitted', 'x-auto-response-suppress', 'content-transfer-encoding',
]);

/** Stands in for the SMTP server: accepts everything, and checks each reply is one clean mail to one person. */
export class CheckingSender implements MailSender {
  readonly sent: OutgoingRaw[] = [];
  readonly problems: ReplyProblem[] = [];

  async send(mail: OutgoingRaw): Promise<void> {
    this.sent.push(mail);
    const problem = (p: string) => this.problems.push({ id: mail.messageId, problem: p });
    const to = mail.envelope.to;
    if (to.length !== 1) problem(`envelope has ${to.length} recipients`);
    for (const a of to) if (/[\s\0<>,;]/.test(a) || !/^[^@]+@[^@]+$/.test(a)) problem(`odd envelope recipient ${JSON.stringify(a.slice(0, 80))}`);
    const text = mail.raw.toString('latin1');
    const end = text.indexOf('\r\n\r\n');
    const head = end >= 0 ? text.slice(0, end) : text;
    for (const line of head.split('\r\n')) {
      if (/^[ \t]/.test(line)) continue;
      const name = line.slice(0, line.indexOf(':')).toLowerCase();
      if (!ALLOWED_REPLY_HEADERS.has(name)) problem(`unexpected header ${JSON.stringify(line.slice(0, 80))}`);
    }
    const parsed = await simpleParser(mail.raw);
    const toAddrs = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((t) => t.value.map((v) => v.address?.toLowerCase()));
    if (toAddrs.length !== 1 || toAddrs[0] !== to[0]?.toLowerCase()) problem(`To header ${JSON.stringify(toAddrs)} differs from envelope ${JSON.stringify(to)}`);
    if (parsed.cc || parsed.bcc) problem('reply has Cc/Bcc');
    if (parsed.messageId !== `<${mail.messageId}>`) problem(`Message-ID header ${parsed.messageId} differs`);
  }
  async close() {}
}

/** Keeps warnings and errors; a compose failure means a person would miss a reply. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; event: string; fields: LogFields }[] = [];
  info() {}
  warn(event: string, fields: LogFields = {}) {
    this.lines.push({ level: 'warn', event, fields });
  }
  error(event: string, fields: LogFields = {}) {
    this.lines.push({ level: 'error', event, fields });
  }
}

export interface Desk {
  dir: string;
  store: Store;
  source: MemorySource;
  sender: CheckingSender;
  log: RecordingLogger;
  events: EventInfo[];
  worker: Worker;
  /** one worker iteration: fetch a batch and commit it, send what is due, settle the moves */
  step(): Promise<number>;
  close(): Promise<void>;
}

export async function openDesk(opts: { capacity?: number; replyCapPerDay?: number; batchSize?: number } = {}): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-fuzz-'));
  const store = await openStore(dir, { now: FUZZ_NOW });
  const events = EVENTS.map((e) => ({ ...e, capacity: opts.capacity ?? e.capacity }));
  const source = new MemorySource();
  const sender = new CheckingSender();
  const log = new RecordingLogger();
  const now = () => FUZZ_NOW;
  const worker = new Worker({
    store,
    events,
    templates: loadTemplates(TEMPLATES_DIR),
    sender: { fromName: 'HIER opgewekt', fromAddress: DESK_ADDRESS, contactPhone: '030 - 711 64 00' },
    openSource: async () => source,
    mailSender: sender,
    sentCopies: () => null,
    deskConfig: { messageIdDomain: MESSAGE_ID_DOMAIN, organisers: ['marieke@hieropgewekt.nl'], trustedAuthservId: 'mx.hieropgewekt.nl', replyCapPerDay: opts.replyCapPerDay ?? 5 },
    batchSize: opts.batchSize ?? 10,
    pollIntervalMs: 1_000,
    retryBaseMs: 1_000,
    now,
    log,
  });
  const step = async () => {
    const fetched = await worker.fetch(source);
    const { state } = await flushOutbox(store.state, { sender, keepForCopy: false, recordSent: (id) => store.recordSent(id), now, log });
    if (state !== store.state) await store.commit(state);
    const pending = store.state.pendingSettle;
    if (pending.length) {
      await source.settle(pending);
      await store.commit({ ...store.state, pendingSettle: [] });
    }
    return fetched;
  };
  return {
    dir, store, source, sender, log, events, worker, step,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Seat rules that must hold after every commit, whatever came in. */
export function seatViolations(state: DeskState, events: EventInfo[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const cap = state.eventOverrides[e.id]?.capacity ?? e.capacity;
    const confirmed = confirmedOf(state, e.id).length;
    if (confirmed > cap) out.push(`${e.id}: ${confirmed} confirmed, capacity ${cap}`);
  }
  const active = new Map<string, string>();
  for (const r of state.registrations) {
    if ((r.status !== 'confirmed' && r.status !== 'waitlisted') || !r.email) continue;
    const k = `${r.eventId} ${r.email}`;
    if (active.has(k)) out.push(`${r.email} holds two places for ${r.eventId}: ${active.get(k)} and ${r.id}`);
    active.set(k, r.id);
  }
  const ids = new Set<string>();
  for (const o of state.outbox) {
    if (ids.has(o.id)) out.push(`outbox holds ${o.id} twice`);
    ids.add(o.id);
  }
  return out;
}
