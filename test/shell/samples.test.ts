import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSamples } from '../../src/shell/samples.ts';

describe('the local-mode samples', () => {
  it('arrive dated now (old mail is left for people), with their bytes otherwise kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-samples-'));
    const samples = join(dir, 'samples');
    const maildir = join(dir, 'maildir');
    mkdirSync(samples);
    for (const d of ['new', 'cur', 'tmp']) mkdirSync(join(maildir, d), { recursive: true });
    writeFileSync(join(samples, 'a.eml'), Buffer.from('From: a@x.nl\r\nDate: Thu, 26 Nov 2026 10:02:11 +0100\r\nSubject: caf\xe9\r\n\r\nhoi\r\n', 'latin1'));
    expect(await seedSamples(samples, maildir)).toBe(1);
    const [name] = readdirSync(join(maildir, 'new'));
    const raw = readFileSync(join(maildir, 'new', name!));
    const date = /^Date: (.*)\r$/m.exec(raw.toString('latin1'))![1]!;
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(60_000);
    expect(raw.includes(Buffer.from('Subject: caf\xe9\r\n', 'latin1'))).toBe(true);
  });
});
