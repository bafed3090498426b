// One seeded fuzz run through the worker's full in-process pipeline, shared by the test and the bench.
import { testMail } from '../../harness/dovecot.ts';
import { DEFAULT_LIMITS, type FuzzCase, type Limits, loadCorpus, makeCase } from './mutate.ts';
import { openDesk, seatViolations } from './pipeline.ts';
import { rng } from './rng.ts';

export interface FuzzFailure {
  index: number;
  source: string;
  mutations: string[];
  size: number;
  problem: string;
}

export interface FuzzResult {
  seed: number;
  cases: number;
  /** a step threw: the worker would have retried the batch forever (a blocked queue) */
  crashes: FuzzFailure[];
  /** a mail went through but was not recorded as handled, or the cursor did not pass it */
  unhandled: FuzzFailure[];
  /** a batch took longer than `slowMs` */
  slow: (FuzzFailure & { ms: number })[];
  replyProblems: { id: string; problem: string }[];
  composeFailures: string[];
  seatViolations: string[];
  /** one inbound mail caused more than `maxRepliesPerMail` replies (a spam amplifier) */
  amplified: FuzzFailure[];
  limits: Limits;
  outcomes: Record<string, number>;
  mutations: Record<string, number>;
  replies: number;
  maxMs: number;
  totalMs: number;
  /** a normal signup after all the damage got its seat and its reply */
  goodMailAfter: { registered: boolean; replied: boolean; filed: boolean };
}

/** Limits that keep a run out of the two known super-linear paths (see KNOWN BUGS in fuzz.test.ts). */
export const SAFE_LIMITS: Limits = { longLineMax: 20_000, addressesMax: 12 };

export async function runFuzz(opts: {
  seed: number;
  cases: number;
  slowMs?: number;
  maxRepliesPerMail?: number;
  /** mails per worker iteration (default 5) */
  batchSize?: number;
  limits?: Partial<Limits>;
  onProgress?: (done: number) => void;
}): Promise<FuzzResult> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const maxReplies = opts.maxRepliesPerMail ?? 20;
  const slowMs = opts.slowMs ?? 2_000;
  const corpus = loadCorpus();
  const r = rng(opts.seed);
  // Capacity high and no reply cap: every mutated mail goes all the way through classify, compose and send.
  const desk = await openDesk({ capacity: 1_000_000, replyCapPerDay: 1_000_000, batchSize: 10 });
  const result: FuzzResult = {
    seed: opts.seed, cases: 0, crashes: [], unhandled: [], slow: [], replyProblems: [], composeFailures: [], seatViolations: [],
    amplified: [], limits, outcomes: {}, mutations: {}, replies: 0, maxMs: 0, totalMs: 0, goodMailAfter: { registered: false, replied: false, filed: false },
  };
  const fail = (c: FuzzCase, problem: string): FuzzFailure => ({ index: c.index, source: c.source, mutations: c.mutations, size: c.raw.length, problem });
  const started = Date.now();
  // Mail comes in batches, as in the worker: several mails decided in one intake, committed once.
  const batchSize = opts.batchSize ?? 5;
  const describe = (batch: FuzzCase[]) => batch.map((c) => `#${c.index} ${c.source} [${c.mutations.join(',')}]`).join('; ');
  const batchFailure = (batch: FuzzCase[], problem: string): FuzzFailure =>
    batch.length === 1 ? fail(batch[0]!, problem) : { index: batch[0]!.index, source: describe(batch), mutations: [], size: batch.reduce((n, c) => n + c.raw.length, 0), problem };

  /** One worker iteration over `batch`; false when it threw (then nothing of it was committed). */
  const runBatch = async (batch: FuzzCase[]): Promise<boolean> => {
    const uids = batch.map((c) => desk.source.add(c.raw));
    const handledBefore = desk.worker.handledCount;
    const keysBefore = new Set(Object.keys(desk.store.state.handled));
    const t0 = performance.now();
    try {
      await desk.step();
    } catch (err) {
      // The worker would retry this batch forever (a blocked queue). Take the mails out, as a person
      // would, and find the culprit one by one.
      for (const uid of uids) desk.source.inbox.delete(uid);
      await desk.store.commit({ ...desk.store.state, cursor: { uidValidity: desk.source.uidValidity, lastUid: uids.at(-1)! } });
      if (batch.length === 1) result.crashes.push(fail(batch[0]!, `${(err as Error).stack ?? err}`.slice(0, 2_000)));
      else for (const c of batch) await runBatch([c]);
      return false;
    } finally {
      const ms = performance.now() - t0;
      result.maxMs = Math.max(result.maxMs, ms);
      if (ms > slowMs) result.slow.push({ ...batchFailure(batch, 'slow'), ms: Math.round(ms) });
    }
    const state = desk.store.state;
    if (desk.worker.handledCount !== handledBefore + batch.length || state.cursor?.lastUid !== uids.at(-1)) {
      result.unhandled.push(batchFailure(batch, `handled ${desk.worker.handledCount - handledBefore} of ${batch.length}, cursor ${JSON.stringify(state.cursor)}`));
    }
    const fresh = Object.keys(state.handled).filter((k) => !keysBefore.has(k));
    for (const k of fresh) {
      const outcome = state.handled[k]!.summary.split(':')[0]!;
      result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
      const replies = state.outbox.filter((o) => o.cause === k).length;
      if (replies > maxReplies) result.amplified.push(batchFailure(batch, `${replies} replies to one mail (${k.slice(0, 80)})`));
    }
    if (fresh.length < batch.length) result.outcomes['duplicate-key'] = (result.outcomes['duplicate-key'] ?? 0) + batch.length - fresh.length;
    for (const v of seatViolations(state, desk.events)) result.seatViolations.push(`${describe(batch)}: ${v}`);
    if (state.outbox.some((o) => o.status === 'queued')) result.unhandled.push(batchFailure(batch, 'reply still queued after the flush'));
    return true;
  };

  try {
    for (let i = 0; i < opts.cases; i += batchSize) {
      const batch: FuzzCase[] = [];
      for (let j = i; j < Math.min(opts.cases, i + batchSize); j++) {
        const c = makeCase(corpus, r, j, limits);
        for (const m of c.mutations) result.mutations[m] = (result.mutations[m] ?? 0) + 1;
        batch.push(c);
      }
      await runBatch(batch);
      result.cases += batch.length;
      opts.onProgress?.(result.cases);
    }
    result.totalMs = Date.now() - started;

    // Good mail after all of it: a plain signup gets its seat, its reply, and is filed.
    const good = testMail({ from: 'Goede Aanmelder <goede.aanmelder@example.org>', messageId: `good-after-fuzz-${opts.seed}@example.org`, subject: 'Aanmelding sessie 2', body: 'Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGroet,\r\nGoede Aanmelder' });
    const uid = desk.source.add(good);
    await desk.step();
    const reg = desk.store.state.registrations.find((x) => x.email === 'goede.aanmelder@example.org');
    result.goodMailAfter = {
      registered: reg?.status === 'confirmed' && reg.eventId === 'sessie-2',
      replied: desk.sender.sent.some((m) => m.envelope.to[0] === 'goede.aanmelder@example.org' && m.messageId.startsWith('confirmed.')),
      filed: desk.source.filed.has(uid),
    };
    result.replies = desk.sender.sent.length;
    result.replyProblems = desk.sender.problems;
    result.composeFailures = desk.log.lines.filter((l) => l.event === 'compose-failed').map((l) => JSON.stringify(l.fields));
    return result;
  } finally {
    await desk.close();
  }
}

export function summarize(r: FuzzResult): string {
  const top = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ');
  return [
    `fuzz seed=${r.seed} cases=${r.cases} crashes=${r.crashes.length} unhandled=${r.unhandled.length} slow=${r.slow.length} ` +
      `replyProblems=${r.replyProblems.length} composeFailures=${r.composeFailures.length} seatViolations=${r.seatViolations.length} amplified=${r.amplified.length} ` +
      `replies=${r.replies} maxMs=${Math.round(r.maxMs)} totalMs=${r.totalMs} goodMailAfter=${JSON.stringify(r.goodMailAfter)}`,
    `  limits: ${JSON.stringify(r.limits)}`,
    `  outcomes: ${top(r.outcomes)}`,
    `  mutations: ${top(r.mutations)}`,
    ...r.crashes.slice(0, 10).map((c) => `  CRASH case ${c.index} ${c.source} [${c.mutations.join(',')}] ${c.size} bytes: ${c.problem.split('\n').slice(0, 6).join(' | ')}`),
    ...r.unhandled.slice(0, 10).map((c) => `  UNHANDLED case ${c.index} ${c.source} [${c.mutations.join(',')}]: ${c.problem}`),
    ...r.slow.slice(0, 10).map((c) => `  SLOW case ${c.index} ${c.source} [${c.mutations.join(',')}] ${c.size} bytes: ${c.ms} ms`),
    ...r.replyProblems.slice(0, 10).map((p) => `  REPLY ${p.id}: ${p.problem}`),
    ...r.amplified.slice(0, 10).map((c) => `  AMPLIFIED case ${c.index} ${c.source} [${c.mutations.join(',')}]: ${c.problem}`),
    ...r.composeFailures.slice(0, 10).map((p) => `  COMPOSE ${p}`),
    ...r.seatViolations.slice(0, 10).map((p) => `  SEATS ${p}`),
  ].join('\n');
}
