// Every real machine-generated mail in the shared robot corpus is recognised as automatic.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import { isAutomatic } from '../../src/understand/robots.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const robotDir = path.resolve(repoRoot, '../shared/corpus/robots');
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'] };

describe('robot corpus', () => {
  const files = readdirSync(robotDir).filter((f) => f.endsWith('.eml')).sort();

  it('holds the robot mails', () => {
    expect(files.length).toBeGreaterThanOrEqual(123);
  });

  it.each(files)('%s is automatic', async (file) => {
    const msg = await parseMail(readFileSync(path.join(robotDir, file)));
    expect(isAutomatic(msg, opts).automatic).toBe(true);
    expect(classify(msg, eventsJson as EventInfo[], opts).intent).toBe('automatic');
  });
});
