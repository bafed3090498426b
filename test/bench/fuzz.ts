// Longer fuzz run: FUZZ_CASES mutated real mails (default 10,000) through the worker's full in-process
// pipeline, FUZZ_RUNS seeds (default 1). Prints the figures; exits 1 when anything crashed, hung, lost a
// mail or produced a bad reply. Replay one seed with FUZZ_SEED.
//   npx tsx test/bench/fuzz.ts
//   FUZZ_CASES=50000 FUZZ_RUNS=3 npx tsx test/bench/fuzz.ts
import { runFuzz, SAFE_LIMITS, summarize } from '../reliability/helpers/fuzz-run.ts';
import { seedFromEnv } from '../reliability/helpers/rng.ts';

const cases = Number(process.env.FUZZ_CASES ?? 10_000);
const runs = Number(process.env.FUZZ_RUNS ?? 1);
const firstSeed = seedFromEnv('FUZZ_SEED');

let bad = 0;
let total = 0;
let crashes = 0;
for (let run = 0; run < runs; run++) {
  const seed = (firstSeed + run) >>> 0;
  const result = await runFuzz({
    seed,
    cases,
    // By default out of the two known quadratic paths (minutes per mail); FUZZ_LONG_LINE_MAX=1500000
    // FUZZ_ADDRESSES_MAX=6000 puts them back.
    limits: {
      ...SAFE_LIMITS,
      ...(process.env.FUZZ_LONG_LINE_MAX ? { longLineMax: Number(process.env.FUZZ_LONG_LINE_MAX) } : {}),
      ...(process.env.FUZZ_ADDRESSES_MAX ? { addressesMax: Number(process.env.FUZZ_ADDRESSES_MAX) } : {}),
    },
    onProgress: (n) => {
      if (n % 1000 === 0) process.stderr.write(`  seed ${seed}: ${n}/${cases}\n`);
    },
  });
  console.log(summarize(result));
  total += result.cases;
  crashes += result.crashes.length;
  const failed =
    result.crashes.length + result.unhandled.length + result.slow.length + result.replyProblems.length +
    result.composeFailures.length + result.seatViolations.length + result.amplified.length > 0 || !Object.values(result.goodMailAfter).every(Boolean);
  if (failed) bad++;
}
console.log(`TOTAL runs=${runs} cases=${total} crashes=${crashes} failedRuns=${bad}`);
process.exit(bad ? 1 : 0);
