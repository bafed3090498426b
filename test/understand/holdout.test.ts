// Mail written blind by others (each set measured once before any rule was tuned on it; figures in the
// README). The exact answers are measured by `npm run eval -- DIR`; what must hold on every mail is tested here.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFixtures, timedClassify } from '../../src/cli/eval-command.ts';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

const fixturesDir = fileURLToPath(new URL('../fixtures', import.meta.url));
/** Every blind set there is, so a new one is checked from the commit that adds it. */
const holdoutSets = readdirSync(fixturesDir).filter((d) => /^holdout(?:-\d+)?$/.test(d)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

it('finds the blind sets', () => {
  expect(holdoutSets.length).toBeGreaterThanOrEqual(17);
});

describe.each(holdoutSets)('unseen mail (%s)', (set) => {
  const fixtureDir = fileURLToPath(new URL(`../fixtures/${set}`, import.meta.url));
  it.each(loadFixtures(fixtureDir).map((f) => [f.name, f] as const))('%s: no false cancellation, no robot missed, no person swallowed', async (_name, fixture) => {
    const { got } = timedClassify(await parseMail(readFileSync(fixture.emlPath)), events, opts);
    if (fixture.expected.intent !== 'cancel') expect(got.intent).not.toBe('cancel');
    if (fixture.expected.intent === 'automatic') expect(got.intent).toBe('automatic');
    else expect(got.intent).not.toBe('automatic');
    expect(got.language).toBe(fixture.expected.language);
  });
});
