// The newcomer's path: `npm start` with no mailbox configured answers the shipped samples from a Maildir.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, startWorkerProcess, waitUntil } from '../helpers/cli.ts';

const ls = (dir: string) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

describe('local mode', () => {
  it('answers the sample mails, leaves the question unread for people, and restarts without repeating itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aanmeldbot-local-'));
    const env = { DATA_DIR: dataDir, EVENTS_FILE: join(REPO, 'data', 'events.json'), LOG_FORMAT: 'text' };
    const outbox = join(dataDir, 'outbox');
    const worker = startWorkerProcess(env);
    try {
      await waitUntil(() => ls(outbox).length >= 4 && ls(join(dataDir, 'maildir', 'new')).length === 0, 20_000, `4 replies\n${worker.output()}`);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/local-mode/);
    expect(worker.output()).toMatch(/IMAP_HOST/);

    const replies = await Promise.all(ls(outbox).map(async (f) => simpleParser(readFileSync(join(outbox, f)))));
    const summary = replies.map((m) => `${(m.to as { value: { address: string }[] }).value[0]!.address} ${m.subject}`).sort();
    expect(summary).toEqual([
      'priya.shah@example.org Registration confirmed: Kennissessie 3: De businesscase van een wijkwarmtebedrijf',
      'sanne.devries@example.nl Bevestiging aanmelding: Kennissessie 2: Rolverdeling: warmte-initiatief en gemeente in de duurzame wijk',
      'sanne.devries@example.nl Wil je je afmelden voor Kennissessie 2: Rolverdeling: warmte-initiatief en gemeente in de duurzame wijk?',
      'tom.bakker@example.org Registration confirmed: Kennissessie 3: De businesscase van een wijkwarmtebedrijf',
    ]);
    for (const m of replies) expect(m.headers.get('auto-submitted')).toBe('auto-replied');

    // The question stays for people, unread (no S flag); handled mail moved to the processed folder.
    const leftForPeople = ls(join(dataDir, 'maildir', 'cur'));
    expect(leftForPeople).toHaveLength(1);
    expect(leftForPeople[0]).toMatch(/vraag:2,$/);
    expect(ls(join(dataDir, 'maildir', '.Verwerkt', 'cur'))).toHaveLength(4);

    const status = JSON.parse(runCli(['status', '--json'], env).stdout);
    const byId = Object.fromEntries(status.events.map((e: { id: string }) => [e.id, e]));
    expect(byId['sessie-2'].confirmed).toEqual([{ name: 'Sanne de Vries', email: 'sanne.devries@example.nl', organisation: 'Energiecoöperatie Lombok' }]);
    expect(byId['sessie-3'].confirmed.map((p: { email: string }) => p.email)).toEqual(['tom.bakker@example.org', 'priya.shah@example.org']);

    const again = startWorkerProcess(env);
    await waitUntil(() => /mailbox-open/.test(again.output()), 10_000, 'restart');
    await new Promise((r) => setTimeout(r, 1500));
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(ls(outbox)).toHaveLength(4);
  }, 60_000);
});
