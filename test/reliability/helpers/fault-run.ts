// Fault injection against the real thing: a real Dovecot, a real SMTP listener, and the real worker process,
// killed with SIGKILL at random moments during a rush of mail and started again, many times. At the end
// every mail must have had exactly one effect and exactly one reply, worked out by an independent model
// (model.ts). Shared by test/reliability/fault-injection.test.ts and test/bench/fault-injection.ts.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { DeskState } from '../../../src/core/state.ts';
import { EVENTS } from '../../helpers/events.ts';
import { type Live, startLive } from '../../helpers/live.ts';
import {
  bare, cancelMail, countBy, headerValue, listFolder, personNo, pickRobots, questionMail, readStore, signupMail, sinkReplies, tagged, tagOf,
} from './live-mail.ts';
import { type AppendedMail, expectedOutcome, type MailType, replyKey } from './model.ts';
import { seatViolations } from './pipeline.ts';
import { rng } from './rng.ts';

export interface FaultOptions {
  seed: number;
  kills: number;
  signups?: number;
  capacity?: number;
  cancellations?: number;
  robots?: number;
  questions?: number;
  redeliveries?: number;
  /** BATCH_SIZE of the worker: small, so one rush means many commits */
  batchSize?: number;
  /** kills land 0..maxDelayMs after the worker opened the mailbox (or after a log line, see KillMode) */
  maxDelayMs?: number;
  /** how long the last, unkilled run may take to finish everything */
  finalTimeoutMs?: number;
  log?: (line: string) => void;
}

export type KillMode = 'after-open' | 'after-spawn' | 'after-handled' | 'after-sent';

export interface KillRecord {
  run: number;
  mode: string;
  delayMs: number;
  /** ms from spawn to the kill */
  atMs: number;
  killedAt: number;
  /** the worker's last log line before the kill */
  lastLine: string;
  /** ids the run logged as sent (journaled) */
  sentIds: Set<string>;
  /** what the kill interrupted, read from what it left behind (store, journal, mailbox) */
  interrupted: string[];
  /** replies the store or the journal knew as sent right after the kill */
  knownSent: Set<string>;
}

export interface DuplicateWindow {
  messageId: string;
  copies: number;
  /** the kill of the run that sent the first copy, when another run sent the second */
  kill: string;
  /** the journal or the store had it as sent after the kill: a resend then is a bug, not the 250-to-journal window */
  journaledBeforeKill: boolean;
  /** one process sent it twice, which no kill explains (a bug) */
  noKillBetween: boolean;
  /** what the sink and the workers said about it, for the report */
  trace: string[];
}

/** Only a kill between the SMTP server's 250 and the journal line explains a second copy. */
export const inKillWindow = (d: DuplicateWindow) => !d.journaledBeforeKill && !d.noKillBetween;

export interface FaultResult {
  seed: number;
  runs: number;
  kills: number;
  mails: number;
  expectedReplies: number;
  replies: number;
  lost: string[];
  duplicated: string[];
  wrong: string[];
  duplicateWindows: DuplicateWindow[];
  killLog: KillRecord[];
  /** temp files a kill left in DATA_DIR (durable writes cut short) */
  strayTempFiles: number;
  durationMs: number;
}

interface Planned {
  type: MailType;
  tag: string;
  messageId: string | null;
  address: string | null;
  raw: Buffer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Log lines of one worker process as they arrive (pipes are synchronous on Linux: no lag to speak of). */
function watchLines(child: ChildProcess) {
  const lines: { at: number; text: string }[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const text of parts) lines.push({ at: Date.now(), text });
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    lines,
    /** index of the first line at or after `from` matching `re`, or -1 after `timeoutMs` or exit */
    async next(re: RegExp, from: number, timeoutMs: number): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = lines.findIndex((l, n) => n >= from && re.test(l.text));
        if (i >= 0) return i;
        const left = deadline - Date.now();
        if (left <= 0 || child.exitCode !== null || child.signalCode !== null) return -1;
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(t);
            waiters.delete(done);
            resolve();
          };
          const t = setTimeout(done, left);
          waiters.add(done);
          void exited.then(done);
        });
      }
    },
  };
}

function journalIds(dataDir: string): string[] {
  const path = join(dataDir, 'sent.journal');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

/** Where a kill struck, from the state it left: the interesting windows of the worker's loop. */
async function interruptedWork(state: DeskState, dataDir: string, client: ImapFlow): Promise<string[]> {
  const out: string[] = [];
  const journaled = journalIds(dataDir);
  const queued = state.outbox.filter((o) => o.status === 'queued' && o.raw !== null);
  // Sends the journal has but the store does not: killed after a send, before the store write.
  if (journaled.some((id) => queued.some((o) => o.id === id))) out.push('sent-not-committed');
  if (queued.some((o) => !journaled.includes(o.id))) out.push('committed-not-sent');
  if (state.outbox.some((o) => o.status === 'sent' && !o.copied)) out.push('sent-copy-pending');
  if (state.pendingSettle.length) {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    let inInbox: number[];
    try {
      inInbox = ((await client.search({ all: true }, { uid: true })) || []) as number[];
    } finally {
      lock.release();
    }
    const toFile = state.pendingSettle.filter((p) => p.disposition === 'file');
    const moved = toFile.filter((p) => !inInbox.includes(p.uid));
    if (moved.length) out.push('moved-not-committed');
    if (moved.length < toFile.length) out.push('move-pending');
  }
  return out;
}

export async function runFaultInjection(opts: FaultOptions): Promise<FaultResult> {
  const started = Date.now();
  const say = opts.log ?? (() => {});
  // Separate streams: the producer runs alongside the kill loop, so one shared stream would hand out its
  // numbers in a timing-dependent order and the seed would not replay the same plan and kill points.
  const r = rng(opts.seed);
  const rProducer = rng(opts.seed ^ 0x5eed01);
  const rKill = rng(opts.seed ^ 0x5eed02);
  const capacity = opts.capacity ?? 10;
  const nSignups = opts.signups ?? 40;
  const nCancels = opts.cancellations ?? 4;
  const maxDelayMs = opts.maxDelayMs ?? 1_500;
  const result: FaultResult = {
    seed: opts.seed, runs: 0, kills: 0, mails: 0, expectedReplies: 0, replies: 0, lost: [], duplicated: [], wrong: [],
    duplicateWindows: [], killLog: [], strayTempFiles: 0, durationMs: 0,
  };

  // ---- the plan: signups in order, questions, robots and redeliveries in between ----
  const plan: Planned[] = Array.from({ length: nSignups }, (_, i) => {
    const p = personNo(i);
    const messageId = `signup-${i}@people.example.org`;
    return { type: 'signup' as const, tag: `signup-${i}`, messageId, address: p.address, raw: signupMail(p, messageId) };
  });
  const insertAt = (item: Planned, min = 0) => plan.splice(r.int(min, plan.length), 0, item);
  for (let i = 0; i < (opts.questions ?? 3); i++) {
    const messageId = `question-${i}@people.example.org`;
    insertAt({ type: 'question', tag: `question-${i}`, messageId, address: `vrager${i}@people.example.org`, raw: questionMail(i, messageId) });
  }
  for (const [i, robot] of (await pickRobots(r, opts.robots ?? 5)).entries()) {
    insertAt({ type: 'robot', tag: `robot-${i}-${robot.name}`, messageId: bare(headerValue(robot.raw, 'Message-ID')), address: null, raw: robot.raw });
  }
  for (let i = 0; i < (opts.redeliveries ?? 2); i++) {
    const original = plan.filter((p) => p.type === 'signup')[r.int(0, Math.floor(nSignups / 2))]!;
    insertAt({ ...original, type: 'redelivery', tag: `redelivery-${i}-${original.tag}` }, plan.indexOf(original) + 1);
  }
  // Cancellers: most held a seat (a promotion follows), one from further down (on the waitlist, or promoted by then).
  const cancellers = new Set<number>();
  while (cancellers.size < Math.min(nCancels, nSignups)) {
    const fromSeats = cancellers.size < Math.ceil((nCancels * 3) / 4);
    cancellers.add(fromSeats ? r.int(0, Math.min(capacity, nSignups) - 1) : r.int(Math.min(capacity, nSignups - 1), nSignups - 1));
  }

  let live: Live | null = null;
  let client: ImapFlow | null = null;
  let cancelTimer: NodeJS.Timeout | undefined;
  const running = new Set<ChildProcess>();
  try {
    live = await startLive({ capacity, env: { BATCH_SIZE: String(opts.batchSize ?? 4), IMAP_POLL_SECONDS: '1', SMTP_RETRY_SECONDS: '1' } });
    const { sink, dovecot, dataDir } = live;
    client = await dovecot.client();
    const appender = client;
    const appended: AppendedMail[] = [];
    const append = async (p: Planned) => {
      const res = await appender.append('INBOX', tagged(p.raw, p.tag));
      if (!res || typeof res.uid !== 'number') throw new Error(`APPEND of ${p.tag} failed`);
      appended.push({ uid: res.uid, tag: p.tag, type: p.type, messageId: p.messageId, address: p.address });
    };

    // ---- the rush: spread over about as long as the kills take, so mail lands in every phase ----
    const estimatedMs = Math.max(1, opts.kills) * 4_000;
    const gapMs = Math.max(5, Math.round(estimatedMs / plan.length));
    const producer = (async () => {
      for (const p of plan) {
        await sleep(rProducer.int(0, 2 * gapMs));
        await append(p);
      }
    })().catch((err: Error) => {
      result.wrong.push(`the test could not append its mail: ${err.message}`);
    });

    // ---- cancellations: a reply to the first mail we sent the person, as soon as it arrives ----
    const waitingBeforeCancels = Math.min(cancellers.size, Math.max(0, nSignups - capacity));
    const cancelsDone = new Set<number>();
    const cancelAppends: Promise<void>[] = [];
    cancelTimer = setInterval(() => {
      // Only once enough people wait for a seat, so each freed seat has someone to promote.
      if (sink.messages.filter((m) => /^waitlisted\./.test(m.messageId ?? '')).length < waitingBeforeCancels) return;
      for (const i of cancellers) {
        if (cancelsDone.has(i)) continue;
        const p = personNo(i);
        const ours = sink.messages.find((m) => m.envelope.to.includes(p.address) && /^(confirmed|waitlisted|promoted)\./.test(m.messageId ?? ''));
        if (!ours) continue;
        cancelsDone.add(i);
        const messageId = `cancel-${i}@people.example.org`;
        const raw = cancelMail(p, messageId, { messageId: ours.messageId!, references: [`signup-${i}@people.example.org`] });
        cancelAppends.push(
          append({ type: 'cancel', tag: `cancel-${i}`, messageId, address: p.address, raw }).catch((err: Error) => {
            result.wrong.push(`the test could not append cancel-${i}: ${err.message}`);
          }),
        );
      }
    }, 50);

    // ---- kill, restart, kill ... ----
    let lastHandled = new Set<string>();
    let startupMs = 3_500;
    const outputs: (() => string)[] = [];
    const spawns: number[] = [];
    for (let k = 0; k < opts.kills; k++) {
      const w = live.start();
      outputs.push(w.output);
      spawns.push(Date.now());
      running.add(w.child);
      const spawnAt = Date.now();
      const watch = watchLines(w.child);
      const mode = rKill.pick<KillMode>(['after-open', 'after-open', 'after-open', 'after-open', 'after-spawn', 'after-handled', 'after-handled', 'after-sent', 'after-sent']);
      let delayMs: number;
      let label: string = mode;
      if (mode === 'after-spawn') {
        // During start-up: store open, journal fold, Sent recovery, the first fetch.
        delayMs = rKill.int(0, startupMs + maxDelayMs);
        await sleep(delayMs);
      } else {
        const open = await watch.next(/mailbox-open/, 0, 30_000);
        if (open >= 0) startupMs = watch.lines[open]!.at - spawnAt;
        if (mode === 'after-open') {
          delayMs = rKill.int(0, maxDelayMs);
          await sleep(delayMs);
        } else {
          // Right after the commit that queued replies ('handled'), or after a journaled send ('sent').
          const seen = await watch.next(mode === 'after-handled' ? / handled / : / sent id=/, Math.max(0, open), 2 * maxDelayMs);
          if (seen < 0) label += ':nothing-seen';
          delayMs = rKill.int(0, 40);
          await sleep(delayMs);
        }
      }
      if (w.child.exitCode !== null || w.child.signalCode !== null) {
        result.wrong.push(`run ${k}: the worker exited by itself (${w.child.exitCode ?? w.child.signalCode}):\n${w.output().slice(-2_000)}`);
      }
      w.child.kill('SIGKILL');
      const killedAt = Date.now();
      await w.exited;
      running.delete(w.child);
      const sentIds = new Set(watch.lines.flatMap((l) => /\bsent id=(\S+)/.exec(l.text)?.[1] ?? []));
      const record: KillRecord = { run: k, mode: label, delayMs, atMs: killedAt - spawnAt, killedAt, lastLine: watch.lines.at(-1)?.text.slice(0, 160) ?? '(no output yet)', sentIds, interrupted: [], knownSent: new Set() };
      result.killLog.push(record);
      result.kills++;
      result.runs++;

      // What a kill left on disk must be whole and within the rules.
      let snapshot: DeskState | null = null;
      try {
        snapshot = readStore(dataDir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') result.wrong.push(`after kill ${k}: db.json unreadable: ${(err as Error).message}`);
      }
      if (snapshot) {
        record.interrupted = await interruptedWork(snapshot, dataDir, appender);
        record.knownSent = new Set([...journalIds(dataDir), ...snapshot.outbox.filter((o) => o.status === 'sent').map((o) => o.id)]);
        for (const v of seatViolations(snapshot, EVENTS.map((e) => ({ ...e, capacity })))) result.wrong.push(`after kill ${k}: ${v}`);
        const handled = new Set(Object.keys(snapshot.handled));
        for (const key of lastHandled) if (!handled.has(key)) result.lost.push(`after kill ${k}: the store forgot it handled ${key} (a commit went back)`);
        lastHandled = handled;
      }
      say(`kill ${k + 1}/${opts.kills}: ${label} +${delayMs} ms (at ${record.atMs} ms) [${record.interrupted.join(', ') || 'idle'}] after: ${record.lastLine}`);
      await sleep(rKill.int(0, 200));
    }
    await producer;

    // ---- the last run: not killed; it must finish everything ----
    const w = live.start();
    outputs.push(w.output);
    spawns.push(Date.now());
    running.add(w.child);
    result.runs++;
    const deadline = Date.now() + (opts.finalTimeoutMs ?? 60_000);
    let expected = expectedOutcome(appended, capacity);
    for (;;) {
      await Promise.all(cancelAppends);
      expected = expectedOutcome(appended, capacity);
      const inbox = await listFolder(appender, 'INBOX');
      const sent = await listFolder(appender, 'Sent').catch(() => []);
      const done =
        cancelsDone.size === cancellers.size &&
        cancelAppends.length === cancelsDone.size &&
        sink.messages.length >= expected.replies.length &&
        inbox.length === expected.left.length &&
        sent.length >= expected.replies.length;
      if (done) break;
      if (Date.now() > deadline) {
        result.wrong.push(
          `the last run did not finish within ${opts.finalTimeoutMs ?? 60_000} ms: cancellations ${cancelsDone.size}/${cancellers.size}, ` +
            `replies ${sink.messages.length}/${expected.replies.length}, INBOX ${inbox.length} (expected ${expected.left.length}), Sent ${sent.length}\n${w.output().slice(-3_000)}`,
        );
        break;
      }
      if (w.child.exitCode !== null || w.child.signalCode !== null) {
        result.wrong.push(`the last run exited by itself (${w.child.exitCode ?? w.child.signalCode}):\n${w.output().slice(-2_000)}`);
        break;
      }
      await sleep(200);
    }
    clearInterval(cancelTimer);
    // Quiet time: a late duplicate would show up here.
    await sleep(1_500);
    w.child.kill('SIGTERM');
    const code = await w.exited;
    running.delete(w.child);
    if (code !== 0) result.wrong.push(`the last run exited with ${code} on SIGTERM:\n${w.output().slice(-2_000)}`);

    // ---- judge ----
    result.mails = appended.length;
    result.expectedReplies = expected.replies.length;
    const replies = sinkReplies(sink.messages);
    result.replies = replies.length;

    // Replies: once each, none missing, nothing extra.
    const perId = countBy(replies, (x) => x.messageId);
    for (const [id, n] of perId) {
      if (n <= 1) continue;
      result.duplicated.push(`reply ${id} reached the SMTP server ${n} times`);
      const copies = replies.filter((x) => x.messageId === id);
      // Which run sent a copy: the last one started before the sink had it. (Not "the last kill before":
      // bytes a killed worker had already written can reach the sink after the kill.)
      const runAt = (t: number) => spawns.filter((at) => at <= t).length - 1;
      const first = runAt(copies[0]!.at);
      const kill = runAt(copies[1]!.at) !== first ? result.killLog.find((k) => k.run === first) : undefined;
      const trace = [
        ...copies.map((c) => `${new Date(c.at).toISOString()} sink received ${id}`),
        // Log lines start with their ISO time, so the trace sorts into one timeline.
        ...outputs.flatMap((out, run) => out().split('\n').filter((l) => l.includes(id)).map((l) => `${l.slice(0, 24)} run ${run}: ${l.slice(25, 200)}`)),
        ...spawns.map((at, run) => `${new Date(at).toISOString()} run ${run} started`),
        ...result.killLog.map((k) => `${new Date(k.killedAt).toISOString()} run ${k.run} killed (${k.mode})`),
      ].sort();
      result.duplicateWindows.push({
        messageId: id,
        copies: n,
        kill: kill ? `run ${kill.run} ${kill.mode} +${kill.delayMs} ms, last line: ${kill.lastLine}` : `both copies from run ${first}`,
        journaledBeforeKill: kill ? kill.sentIds.has(id) || kill.knownSent.has(id) : false,
        noKillBetween: !kill,
        trace,
      });
    }
    const unique = [...new Map(replies.map((x) => [x.messageId, x])).values()];
    const got = countBy(unique, replyKey);
    const want = countBy(expected.replies, replyKey);
    for (const [key, n] of want) {
      const g = got.get(key) ?? 0;
      if (g < n) result.lost.push(`missing reply: ${key}`);
      if (g > n) result.duplicated.push(`reply ${key} sent ${g} times under different Message-IDs`);
    }
    for (const [key] of got) if (!want.has(key)) result.wrong.push(`unexpected reply: ${key}`);

    // The store: seats in arrival order, one registration per signup, one effect per mail.
    const state = readStore(dataDir);
    const regs = state.registrations.filter((x) => x.eventId === 'sessie-2').sort((a, b) => a.seq - b.seq);
    const confirmed = regs.filter((x) => x.status === 'confirmed').map((x) => x.email);
    const waitlist = regs.filter((x) => x.status === 'waitlisted').map((x) => x.email);
    if (JSON.stringify(confirmed) !== JSON.stringify(expected.confirmed)) result.wrong.push(`confirmed ${JSON.stringify(confirmed)}, expected ${JSON.stringify(expected.confirmed)}`);
    if (JSON.stringify(waitlist) !== JSON.stringify(expected.waitlist)) result.wrong.push(`waitlist ${JSON.stringify(waitlist)}, expected ${JSON.stringify(expected.waitlist)}`);
    if (state.registrations.some((x) => x.eventId !== 'sessie-2')) result.wrong.push('registrations for another event than sessie-2');
    for (const [id, effects] of expected.effects) {
      const actual = state.audit.filter((a) => a.cause === id && /^(registered as \w+|cancelled|promoted)$/.test(a.what)).map((a) => a.what).sort();
      const want = [...effects].sort();
      if (JSON.stringify(actual) === JSON.stringify(want)) continue;
      if (actual.length < want.length) result.lost.push(`${id}: effects ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
      else if (actual.length > want.length) result.duplicated.push(`${id}: effects ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
      else result.wrong.push(`${id}: effects ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
    }
    for (const m of appended) if (m.messageId && !state.handled[m.messageId]) result.lost.push(`${m.tag} (${m.messageId}) was never handled`);
    for (const o of state.outbox) {
      if (o.status !== 'sent') result.lost.push(`outbox ${o.id} is ${o.status} (${o.lastError ?? ''})`);
      else if (!o.copied) result.lost.push(`outbox ${o.id}: no Sent copy recorded`);
    }
    if (state.pendingSettle.length) result.lost.push(`${state.pendingSettle.length} moves still pending`);
    // Seats never over capacity at any moment: replay the audit log.
    const status = new Map<string, string>();
    for (const a of state.audit) {
      if (!a.registrationId) continue;
      const m = /^registered as (\w+)$/.exec(a.what);
      if (m) status.set(a.registrationId, m[1]!);
      else if (a.what === 'cancelled') status.set(a.registrationId, 'cancelled');
      else if (a.what === 'promoted') status.set(a.registrationId, 'confirmed');
      const taken = [...status.values()].filter((s) => s === 'confirmed').length;
      if (taken > capacity) {
        result.wrong.push(`${taken} seats taken (capacity ${capacity}) after "${a.what}" caused by ${a.cause}`);
        break;
      }
    }

    // The mailbox: questions stay unread in INBOX, everything else is filed exactly once; Sent holds each reply once.
    const inbox = await listFolder(appender, 'INBOX');
    const filed = await listFolder(appender, 'Verwerkt').catch(() => []);
    const sent = await listFolder(appender, 'Sent').catch(() => []);
    const inInbox = countBy(inbox, (m) => tagOf(m.raw) ?? '?');
    const inFiled = countBy(filed, (m) => tagOf(m.raw) ?? '?');
    for (const tag of expected.left) {
      if ((inInbox.get(tag) ?? 0) !== 1) result.lost.push(`${tag} is in INBOX ${inInbox.get(tag) ?? 0} times`);
      if (inFiled.has(tag)) result.wrong.push(`${tag} (for people) was filed`);
    }
    for (const m of inbox) if (m.flags.includes('\\Seen')) result.wrong.push(`${tagOf(m.raw)} in INBOX was marked read`);
    for (const tag of expected.filed) {
      const n = inFiled.get(tag) ?? 0;
      if (n === 0) result.lost.push(`${tag} is not in Verwerkt${inInbox.has(tag) ? ' (still in INBOX)' : ''}`);
      if (n > 1) result.duplicated.push(`${tag} is in Verwerkt ${n} times`);
    }
    for (const [tag] of inInbox) if (!expected.left.includes(tag)) result.wrong.push(`${tag} left in INBOX`);
    const sentCopies = countBy(sent, (m) => bare(headerValue(m.raw, 'Message-ID')) ?? '?');
    for (const [id] of perId) {
      const n = sentCopies.get(id) ?? 0;
      if (n === 0) result.lost.push(`no Sent copy of ${id}`);
      if (n > 1) result.duplicated.push(`Sent holds ${id} ${n} times`);
    }
    for (const [id] of sentCopies) if (!perId.has(id)) result.wrong.push(`Sent holds ${id}, which never reached the SMTP server`);

    result.strayTempFiles = readdirSync(dataDir).filter((f) => f.endsWith('.tmp')).length;
    return result;
  } finally {
    clearInterval(cancelTimer);
    result.durationMs = Date.now() - started;
    for (const child of running) child.kill('SIGKILL');
    await client?.logout().catch(() => client?.close());
    await live?.close();
    if (live) rmSync(live.dataDir, { recursive: true, force: true });
  }
}

export function summarizeFault(r: FaultResult): string {
  return [
    `fault-injection seed=${r.seed} runs=${r.runs} kills=${r.kills} mails=${r.mails} replies=${r.replies}/${r.expectedReplies} ` +
      `lost=${r.lost.length} duplicated=${r.duplicated.length} wrong=${r.wrong.length} strayTempFiles=${r.strayTempFiles} ${Math.round(r.durationMs / 1000)} s`,
    `  kill points: ${[...countBy(r.killLog, (k) => k.mode.split(':')[0]!)].map(([k, v]) => `${k}=${v}`).join(' ')}`,
    `  interrupted: ${[...countBy(r.killLog.flatMap((k) => (k.interrupted.length ? k.interrupted : ['idle'])), (x) => x)].map(([k, v]) => `${k}=${v}`).join(' ')}`,
    ...r.lost.slice(0, 20).map((x) => `  LOST ${x}`),
    ...r.duplicated.slice(0, 20).map((x) => `  DUPLICATED ${x}`),
    ...r.duplicateWindows.flatMap((d) => [
      `  WINDOW ${d.messageId} x${d.copies}: ${d.noKillBetween ? 'sent twice by one process (BUG)' : d.journaledBeforeKill ? 'journaled before the kill (BUG)' : 'killed between the SMTP 250 and the journal'}; ${d.kill}`,
      ...(inKillWindow(d) ? [] : d.trace.map((t) => `      ${t}`)),
    ]),
    ...r.wrong.slice(0, 20).map((x) => `  WRONG ${x.slice(0, 3_000)}`),
  ].join('\n');
}
