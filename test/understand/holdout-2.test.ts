// A second set of mail written blind (measured once before any rule was tuned on it): the exact answers are
// measured by `npm run eval -- test/fixtures/holdout-2`; what must hold on every one of them is tested here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFixtures, timedClassify } from '../../src/cli/eval-command.ts';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const fixtureDir = fileURLToPath(new URL('../fixtures/holdout-2', import.meta.url));
const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

describe('unseen mail, second holdout', () => {
  it.each(loadFixtures(fixtureDir).map((f) => [f.name, f] as const))('%s: no false cancellation, no robot missed, no person swallowed', async (_name, fixture) => {
    const { got } = timedClassify(await parseMail(readFileSync(fixture.emlPath)), events, opts);
    if (fixture.expected.intent !== 'cancel') expect(got.intent).not.toBe('cancel');
    if (fixture.expected.intent === 'automatic') expect(got.intent).toBe('automatic');
    else expect(got.intent).not.toBe('automatic');
    expect(got.language).toBe(fixture.expected.language);
  });
});
