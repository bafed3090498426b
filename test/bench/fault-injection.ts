// Longer fault injection: FAULT_RUNS rounds (default 5), each a fresh Dovecot, SMTP listener and store,
// a rush of mail and FAULT_KILLS SIGKILLs of the real worker at random points (default 25), then one last
// run that must finish everything. Prints runs, kills, mails, replies, and anything lost or duplicated
// (with where the kill landed for every duplicate). Exit 1 when anything was lost, duplicated or wrong.
//   npx tsx test/bench/fault-injection.ts
//   FAULT_RUNS=20 FAULT_KILLS=40 FAULT_SEED=123 FAULT_VERBOSE=1 npx tsx test/bench/fault-injection.ts
// Other knobs: FAULT_SIGNUPS (40), FAULT_CAPACITY (10), FAULT_CANCELS (4), FAULT_ROBOTS (5),
// FAULT_QUESTIONS (3), FAULT_BATCH (4), FAULT_MAX_DELAY_MS (1500).
import { inKillWindow, runFaultInjection, summarizeFault } from '../reliability/helpers/fault-run.ts';
import { seedFromEnv } from '../reliability/helpers/rng.ts';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const rounds = num('FAULT_RUNS', 5);
const firstSeed = seedFromEnv('FAULT_SEED');
const totals = { rounds: 0, workerRuns: 0, kills: 0, mails: 0, replies: 0, expected: 0, lost: 0, duplicated: 0, wrong: 0, window: 0, journaledDup: 0 };
const started = Date.now();
for (let i = 0; i < rounds; i++) {
  const seed = (firstSeed + i) >>> 0;
  const result = await runFaultInjection({
    seed,
    kills: num('FAULT_KILLS', 25),
    signups: num('FAULT_SIGNUPS', 40),
    capacity: num('FAULT_CAPACITY', 10),
    cancellations: num('FAULT_CANCELS', 4),
    robots: num('FAULT_ROBOTS', 5),
    questions: num('FAULT_QUESTIONS', 3),
    batchSize: num('FAULT_BATCH', 4),
    maxDelayMs: num('FAULT_MAX_DELAY_MS', 1_500),
    finalTimeoutMs: 90_000,
    ...(process.env.FAULT_VERBOSE ? { log: (l: string) => console.log(`  [${seed}] ${l}`) } : {}),
  });
  console.log(summarizeFault(result));
  totals.rounds++;
  totals.workerRuns += result.runs;
  totals.kills += result.kills;
  totals.mails += result.mails;
  totals.replies += result.replies;
  totals.expected += result.expectedReplies;
  totals.lost += result.lost.length;
  totals.duplicated += result.duplicated.length;
  totals.wrong += result.wrong.length;
  totals.window += result.duplicateWindows.filter(inKillWindow).length;
  totals.journaledDup += result.duplicateWindows.filter((d) => !inKillWindow(d)).length;
}
console.log(
  `TOTAL rounds=${totals.rounds} workerRuns=${totals.workerRuns} kills=${totals.kills} mails=${totals.mails} ` +
    `replies=${totals.replies} (expected ${totals.expected}) lost=${totals.lost} duplicated=${totals.duplicated} wrong=${totals.wrong} ` +
    `duplicates in the 250-to-journal window=${totals.window} duplicates no kill explains=${totals.journaledDup} ` +
    `${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(totals.lost + totals.duplicated + totals.wrong > 0 ? 1 : 0);
