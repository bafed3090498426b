// "Never lose, never duplicate", against the real thing: a real Dovecot, a real SMTP listener and the real
// worker process, SIGKILLed at random points during a rush of mail (mid-fetch, between the store write and
// the SMTP send, after a journaled send, mid-move, during start-up) and started again. Afterwards every
// mail had exactly one effect on the seats and exactly one reply, seats went by arrival order (checked
// against an independent model), never over capacity, questions are still unread in INBOX, every handled
// mail is filed once, and Sent holds each reply once. The kill points come from a seeded RNG; the seed is
// printed, and FAULT_SEED=<n> replays the same plan and kill choices (timing itself cannot be replayed).
// test/bench/fault-injection.ts runs the same with many more kills.
import { describe, expect, it } from 'vitest';
import { inKillWindow, runFaultInjection, summarizeFault } from './helpers/fault-run.ts';
import { seedFromEnv } from './helpers/rng.ts';

const KILLS = 6;

describe('fault injection: SIGKILL at random points during a rush', () => {
  it(`${KILLS} kills and restarts: nothing lost, nothing duplicated, seats by arrival, never over capacity`, async () => {
    const seed = seedFromEnv('FAULT_SEED');
    const result = await runFaultInjection({
      seed,
      kills: KILLS,
      signups: 40,
      capacity: 10,
      cancellations: 4,
      robots: 5,
      questions: 3,
      redeliveries: 2,
      batchSize: 4,
      maxDelayMs: 1_500,
      finalTimeoutMs: 45_000,
    });
    const report = summarizeFault(result);
    console.log(report);
    const context = `seed ${seed} (replay: FAULT_SEED=${seed})\n${report}`;
    expect(result.kills, context).toBe(KILLS);
    // Kills between the SMTP server's 250 and the journal's fsync can resend one reply: the one window the
    // design cannot close (see src/store/sent-journal.ts). Anything else duplicated is a bug.
    const windows = result.duplicateWindows.filter(inKillWindow);
    const outsideWindow = result.duplicated.filter((d) => !windows.some((w) => d.includes(w.messageId)));
    expect({ lost: result.lost, duplicated: outsideWindow, wrong: result.wrong }, context).toEqual({ lost: [], duplicated: [], wrong: [] });
    expect(result.replies - windows.reduce((n, w) => n + w.copies - 1, 0), context).toBe(result.expectedReplies);
    expect(result.mails, context).toBe(40 + 4 + 5 + 3 + 2);
  }, 150_000);
});
