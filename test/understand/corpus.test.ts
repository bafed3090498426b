// Every fixture in test/fixtures/classify classifies exactly as its .json says (all fields).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFixtures, timedClassify } from '../../src/cli/eval-command.ts';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const fixtureDir = fileURLToPath(new URL('../fixtures/classify', import.meta.url));
const events = eventsJson as EventInfo[];
// As the worker runs it: our Message-ID domain (staff write from its parent domain) and the organiser.
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

describe('classification fixtures', () => {
  it.each(loadFixtures(fixtureDir).map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const { got } = timedClassify(await parseMail(readFileSync(fixture.emlPath)), events, opts);
    expect(got).toEqual(fixture.expected);
  });
});
