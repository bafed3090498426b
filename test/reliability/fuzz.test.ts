// Malformed mail never crashes the worker or blocks the queue: 1,000 mutated real mails (robot corpus and
// person fixtures) through the worker's own pipeline (Worker.fetch: parse → decide → apply → compose → one
// durable commit to a real store; flushOutbox: send → journal → commit), then a normal signup still works.
// Seeded and deterministic: FUZZ_SEED=<n> replays a run. test/bench/fuzz.ts runs many more.
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';
import { testMail } from '../harness/dovecot.ts';
import { runFuzz, SAFE_LIMITS, summarize } from './helpers/fuzz-run.ts';
import { loadCorpus } from './helpers/mutate.ts';
import { openDesk } from './helpers/pipeline.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261126;
const CASES = 1_000;

describe('fuzz: mutated real mail through the full pipeline', () => {
  it(`${CASES} mutated mails: no crash, no hang, nothing unhandled, clean replies, seats intact; good mail after still works`, async () => {
    // SAFE_LIMITS keeps this run out of the two known quadratic paths below (each costs minutes per mail).
    const result = await runFuzz({ seed: SEED, cases: CASES, slowMs: 5_000, limits: SAFE_LIMITS });
    const report = summarize(result);
    console.log(report);
    const failures = {
      crashes: result.crashes.length,
      unhandled: result.unhandled.length,
      slow: result.slow.length,
      replyProblems: result.replyProblems.length,
      composeFailures: result.composeFailures.length,
      seatViolations: result.seatViolations.length,
      amplified: result.amplified.length,
    };
    expect(failures, `seed ${SEED} (replay: FUZZ_SEED=${SEED})\n${report}`).toEqual({
      crashes: 0, unhandled: 0, slow: 0, replyProblems: 0, composeFailures: 0, seatViolations: 0, amplified: 0,
    });
    expect(result.cases).toBe(CASES);
    expect(result.goodMailAfter, report).toEqual({ registered: true, replied: true, filed: true });
    // The run reached every part of the pipeline, not only the early exits.
    expect(Object.keys(result.outcomes)).toEqual(expect.arrayContaining(['robot', 'left', 'signup', 'cancel']));
    expect(result.replies).toBeGreaterThan(50);
  }, 120_000);

  it('every corpus mail, unmutated, goes through in one batch each', async () => {
    const desk = await openDesk({ capacity: 1_000_000, replyCapPerDay: 1_000_000, batchSize: 25 });
    try {
      const corpus = loadCorpus();
      for (const m of corpus) desk.source.add(m.raw);
      while ((await desk.step()) > 0);
      expect(desk.worker.handledCount).toBe(corpus.length);
      expect(desk.sender.problems).toEqual([]);
      // Robots are never answered.
      const robotFroms = new Set<string>();
      for (const m of corpus.filter((c) => c.kind === 'robot')) {
        const from = (await parseMail(m.raw)).from?.address;
        if (from) robotFroms.add(from);
      }
      expect(desk.log.lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(desk.sender.sent.filter((m) => robotFroms.has(m.envelope.to[0]!))).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 60_000);
});

// Found by the fuzz (first as `it.fails` reproductions), fixed in src/core; these keep them fixed.
describe('bugs found by fuzzing', () => {
  it('src/core/bounces.ts readBounce: a robot mail with one long word takes quadratic time (48 s at 200 KB)', async () => {
    // /[A-Za-z0-9._-]+@<domain>/gi is tried at every start position and each try runs to the end of the
    // word: O(n^2) on a 200 KB word (MAX_BOUNCE_TEXT_CHARS), blocking the whole queue for about 48 s per mail.
    const desk = await openDesk({ capacity: 40 });
    try {
      const word = 'a'.repeat(40_000);
      desk.source.add(testMail({ from: 'MAILER-DAEMON <mailer-daemon@mx.example.net>', subject: 'Undelivered Mail Returned to Sender', messageId: 'bounce-long-word@mx.example.net', headers: { 'Auto-Submitted': 'auto-replied' }, body: word }));
      const t0 = performance.now();
      await desk.step();
      // Linear code does this in well under 100 ms; the quadratic regex needs seconds.
      expect(performance.now() - t0).toBeLessThan(300);
    } finally {
      await desk.close();
    }
  }, 60_000);

  it('src/core/decide.ts signUpAll / src/understand/attendees.ts: one mail with many Cc addresses registers them all and mails each', async () => {
    // A signup with 60 addresses in Cc: every one gets a seat or waitlist place and a mail (3,689 in one
    // fuzz case). Seats go to whoever lists the most addresses, and the desk becomes a spam relay.
    const desk = await openDesk({ capacity: 40 });
    try {
      const cc = Array.from({ length: 60 }, (_, i) => `"Collega ${i}" <collega${i}@example.org>`).join(', ');
      desk.source.add(testMail({ from: 'Anna de Boer <anna@example.org>', messageId: 'many-cc@example.org', subject: 'Aanmelding sessie 2', headers: { Cc: cc }, body: 'Graag meld ik mij en mijn collega\'s in de cc aan voor sessie 2.\r\n\r\nAnna' }));
      await desk.step();
      expect(desk.sender.sent.length).toBeLessThanOrEqual(20);
    } finally {
      await desk.close();
    }
  }, 60_000);
});
