// The worker against a real Dovecot and a real SMTP listener: the live-mailbox issue's scenarios.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { testMail } from '../harness/dovecot.ts';
import type { ReceivedMail } from '../harness/smtp-sink.ts';
import { runCli } from '../helpers/cli.ts';
import { type Live, startLive, waitUntil } from '../helpers/live.ts';

const QUIET_MS = 2_000;
let live: Live | null = null;
afterEach(async () => {
  await live?.close();
  live = null;
});

const signup = (who: string, id: string) =>
  testMail({ from: `${who} <${who.toLowerCase()}@example.org>`, messageId: id, subject: 'Aanmelding sessie 2', body: 'Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGroet,\r\n' + who });

async function subjectsTo(mails: ReceivedMail[]) {
  return Promise.all(mails.map(async (m) => `${m.envelope.to.join(',')}: ${(await simpleParser(m.raw)).subject}`));
}

function uniqueIds(mails: ReceivedMail[]) {
  return new Set(mails.map((m) => m.messageId)).size;
}

describe('live mailbox', () => {
  it('stops at start-up with exit code 2 and a message naming IMAP_PASSWORD when the login is refused', async () => {
    live = await startLive({ env: { IMAP_PASSWORD: 'Verkeerd-Wachtwoord-42' } });
    const w = live.start();
    const code = await Promise.race([w.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 20_000))]);
    if (code === 'still running') w.child.kill('SIGKILL');
    expect(code).toBe(2);
    expect(w.output()).toContain('IMAP_PASSWORD');
    expect(w.output()).toContain('IMAP_AUTH');
    expect(w.output()).not.toContain('Verkeerd-Wachtwoord-42');
  });

  it('confirms, waitlists, cancels and promotes; leaves questions unread; ignores robots; keeps Sent copies', async () => {
    live = await startLive({ capacity: 1 });
    const { dovecot, sink } = live;
    const worker = live.start();
    await waitUntil(() => /mailbox-open/.test(worker.output()), 15_000, `worker start\n${worker.output()}`);

    const t0 = Date.now();
    await dovecot.append('INBOX', signup('Anna', 'anna-1@example.org'));
    const [confirmation] = await sink.waitFor(1, 10_000);
    const latencyMs = Date.now() - t0;
    expect(confirmation!.envelope.to).toEqual(['anna@example.org']);
    expect(latencyMs).toBeLessThan(5_000);

    await dovecot.append('INBOX', signup('Bert', 'bert-1@example.org'));
    await sink.waitFor(2, 10_000);
    await dovecot.append('INBOX', signup('Anna', 'anna-1@example.org')); // the same mail delivered twice
    await dovecot.append('INBOX', testMail({ from: 'Vera <vera@example.org>', messageId: 'q-1@example.org', subject: 'Parkeren?', body: 'Kan ik bij ANNE parkeren?' }));
    await dovecot.append('INBOX', testMail({ from: 'Otto <otto@example.org>', messageId: 'ooo-1@example.org', subject: 'Automatisch antwoord: Aanmelding', body: 'Ik ben afwezig.', headers: { 'Auto-Submitted': 'auto-replied' } }));
    await dovecot.append('INBOX', testMail({
      from: 'Anna <anna@example.org>', messageId: 'anna-2@example.org', subject: 'Re: Bevestiging aanmelding',
      headers: { 'In-Reply-To': `<${confirmation!.messageId}>`, References: `<anna-1@example.org> <${confirmation!.messageId}>` },
      body: 'Helaas ben ik verhinderd, graag afmelden.\r\n\r\nAnna',
    }));
    const mails = await sink.waitFor(4, 15_000);
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(await subjectsTo(sink.messages)).toEqual([
      expect.stringMatching(/^anna@example.org: Bevestiging aanmelding/),
      expect.stringMatching(/^bert@example.org: Wachtlijst/),
      expect.stringMatching(/^anna@example.org: Afmelding ontvangen/),
      expect.stringMatching(/^bert@example.org: Er is een plek voor je/),
    ]);
    expect(uniqueIds(mails)).toBe(4);

    const inbox = await dovecot.list('INBOX');
    expect(inbox.map((m) => m.raw.toString()).join()).toContain('Parkeren?');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.flags).not.toContain('\\Seen');
    expect(await dovecot.list('Verwerkt')).toHaveLength(5);
    const sent = await dovecot.list('Sent');
    expect(sent).toHaveLength(4);
    expect(sent.every((m) => m.flags.includes('\\Seen'))).toBe(true);

    const status = JSON.parse(runCli(['status', '--json'], live.env).stdout);
    expect(status.events.find((e: { id: string }) => e.id === 'sessie-2').confirmed.map((p: { email: string }) => p.email)).toEqual(['bert@example.org']);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    // Secrets never reach the log.
    expect(worker.output()).not.toContain(live.env.IMAP_PASSWORD);

    // The server renumbers the mailbox (UIDVALIDITY changes): the worker starts over from UID 1 and knows
    // the question it already saw by its Message-ID: nothing is answered twice, the question stays unread.
    const dbPath = join(live.dataDir, 'db.json');
    const db = JSON.parse(readFileSync(dbPath, 'utf8'));
    writeFileSync(dbPath, JSON.stringify({ ...db, cursor: { uidValidity: '1', lastUid: 999 } }));
    const again = live.start();
    await waitUntil(() => /uidvalidity-changed/.test(again.output()), 15_000, `UIDVALIDITY noticed\n${again.output()}`);
    await new Promise((r) => setTimeout(r, QUIET_MS));
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(sink.messages).toHaveLength(4);
    expect(await dovecot.list('INBOX')).toHaveLength(1);
    expect((await dovecot.list('INBOX'))[0]!.flags).not.toContain('\\Seen');
  }, 90_000);

  it('loses and repeats nothing when Dovecot dies mid-run and SMTP refuses for a while', async () => {
    live = await startLive();
    const { dovecot, sink } = live;
    const worker = live.start();
    await waitUntil(() => /mailbox-open/.test(worker.output()), 15_000, 'worker start');
    sink.refuse({ code: 451, message: 'try again later', times: 2 });
    for (let i = 0; i < 3; i++) await dovecot.append('INBOX', signup(`Early${i}`, `early-${i}@example.org`));
    await waitUntil(() => /handled/.test(worker.output()), 10_000, 'first mail handled');
    await dovecot.kill();
    await new Promise((r) => setTimeout(r, 500));
    await dovecot.restart();
    for (let i = 0; i < 3; i++) await dovecot.append('INBOX', signup(`Late${i}`, `late-${i}@example.org`));
    const mails = await sink.waitFor(6, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${worker.output()}`);
    });
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(sink.messages).toHaveLength(6);
    expect(uniqueIds(mails)).toBe(6);
    expect(worker.output()).toMatch(/send-failed .*SMTP_TEMPORARY/);
    expect(worker.output()).toMatch(/mailbox-lost/);
    expect(await dovecot.list('INBOX')).toHaveLength(0);
    // Copies that could not be saved while Dovecot was down are added once it is back, once each.
    await waitUntil(async () => (await dovecot.list('Sent')).length >= 6, 10_000, 'Sent copies').catch((err: Error) => {
      throw new Error(`${err.message}\n${worker.output()}`);
    });
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect((await dovecot.list('Sent')).length).toBe(6);
    worker.child.kill('SIGTERM');
    const exit = await Promise.race([worker.exited, new Promise<string>((r) => setTimeout(() => r('no exit 10 s after SIGTERM'), 10_000))]);
    if (typeof exit === 'string') throw new Error(`${exit}\n${worker.output()}`);
    expect(exit).toBe(0);
  }, 120_000);

  it('picks up mail that arrived while it was stopped, without answering anything twice', async () => {
    live = await startLive();
    const { dovecot, sink } = live;
    for (let i = 0; i < 3; i++) await dovecot.append('INBOX', signup(`Before${i}`, `before-${i}@example.org`));
    const first = live.start();
    await sink.waitFor(3, 15_000);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (let i = 0; i < 2; i++) await dovecot.append('INBOX', signup(`While${i}`, `while-${i}@example.org`));
    const second = live.start();
    await sink.waitFor(5, 15_000);
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(sink.messages).toHaveLength(5);
    expect(uniqueIds(sink.messages)).toBe(5);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);
});
