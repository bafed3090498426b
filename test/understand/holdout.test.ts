// Mail written blind by others (each set measured once before any rule was tuned on it; figures in the
// README). The exact answers are measured by `npm run eval -- DIR`; what must hold on every mail is tested here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFixtures, timedClassify } from '../../src/cli/eval-command.ts';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

describe.each(['holdout', 'holdout-2', 'holdout-3', 'holdout-4', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8', 'holdout-9', 'holdout-10', 'holdout-11', 'holdout-12', 'holdout-13', 'holdout-14'])('unseen mail (%s)', (set) => {
  const fixtureDir = fileURLToPath(new URL(`../fixtures/${set}`, import.meta.url));
  it.each(loadFixtures(fixtureDir).map((f) => [f.name, f] as const))('%s: no false cancellation, no robot missed, no person swallowed', async (_name, fixture) => {
    const { got } = timedClassify(await parseMail(readFileSync(fixture.emlPath)), events, opts);
    if (fixture.expected.intent !== 'cancel') expect(got.intent).not.toBe('cancel');
    if (fixture.expected.intent === 'automatic') expect(got.intent).toBe('automatic');
    else expect(got.intent).not.toBe('automatic');
    expect(got.language).toBe(fixture.expected.language);
  });
});
