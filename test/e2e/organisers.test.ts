// The organisers' side over the real Dovecot + SMTP harness: phoned-in registrations, mail commands,
// the daily digest (once per day, also across a restart), reminders and late-promotion offers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { testMail } from '../harness/dovecot.ts';
import type { ReceivedMail } from '../harness/smtp-sink.ts';
import { EVENTS } from '../helpers/events.ts';
import { emptyState } from '../../src/core/state.ts';
import { runCli } from '../helpers/cli.ts';
import { type Live, startLive, waitUntil } from '../helpers/live.ts';

const HOUR_MS = 3_600_000;
const TRUSTED = 'mx.example.test';
const PROOF = `${TRUSTED}; dkim=pass header.d=example.test header.s=s1; dmarc=pass header.from=example.test`;
const ORGANISER_ENV = { ORGANISERS: 'marieke@example.test', TRUSTED_AUTHSERV_ID: TRUSTED, DIGEST_TO: 'marieke@example.test' };
let live: Live | null = null;
afterEach(async () => {
  await live?.close();
  live = null;
});

const subjects = (mails: ReceivedMail[]) => Promise.all(mails.map(async (m) => `${m.envelope.to.join(',')}: ${(await simpleParser(m.raw)).subject}`));

/** An event a day and a half away: inside REMINDER_DAYS and, with capacity 1, ready for a late offer. */
function soonEvents(startInMs: number) {
  const start = new Date(Date.now() + startInMs);
  const end = new Date(start.getTime() + 4.5 * HOUR_MS);
  return [{ ...EVENTS[1]!, start: start.toISOString(), end: end.toISOString(), registrationDeadline: undefined, capacity: 1 }];
}

describe('organisers, live', () => {
  it('registers a phoned-in caller, answers list and capacity commands, and refuses a forged organiser', async () => {
    live = await startLive({ capacity: 1, env: { ...ORGANISER_ENV, DIGEST_TO: '' } });
    const { dovecot, sink } = live;
    const worker = live.start();
    await waitUntil(() => /mailbox-open/.test(worker.output()), 15_000, 'worker start');
    await dovecot.append('INBOX', testMail({ from: 'Marieke Bos <marieke@example.test>', messageId: 'phone-1@example.test', subject: 'Telefonische aanmelding sessie 2',
      headers: { 'Authentication-Results': PROOF }, body: 'Telefonische aanmelding:\r\nNaam: Henk Visser\r\nOrganisatie: Buurtwarmte Zuid\r\nE-mail: henk@example.org\r\nTelefoon: 06-12345678\r\n' }));
    await dovecot.append('INBOX', testMail({ from: 'Marieke Bos <marieke@example.test>', messageId: 'forged-1@example.test', subject: 'Telefonische aanmelding sessie 2',
      headers: { 'Authentication-Results': PROOF.replace(TRUSTED, 'mx.forger.example') }, body: 'Telefonische aanmelding:\r\nNaam: Mallory\r\nE-mail: mallory@example.org\r\n' }));
    await dovecot.append('INBOX', testMail({ from: 'Marieke Bos <marieke@example.test>', messageId: 'cmd-1@example.test', subject: 'opdracht',
      headers: { 'Authentication-Results': PROOF }, body: 'capaciteit sessie-2 3\r\nlijst sessie-2\r\n\r\nMarieke' }));
    const mails = await sink.waitFor(3, 20_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(sink.messages).toHaveLength(3);
    const [toHenk, ...toMarieke] = mails;
    expect(toHenk!.envelope.to).toEqual(['henk@example.org']);
    expect(toMarieke.every((m) => m.envelope.to[0] === 'marieke@example.test')).toBe(true);
    const list = await simpleParser(toMarieke.find((m) => /Deelnemerslijst/.test(m.raw.toString()))?.raw ?? toMarieke[1]!.raw);
    const csv = list.attachments.find((a) => a.filename?.endsWith('.csv'));
    expect(csv?.content.toString('utf8')).toContain('Henk Visser');
    // The forged "organiser" mail registers nobody and stays for people, unread.
    const inbox = await dovecot.list('INBOX');
    expect(inbox.map((m) => m.raw.toString()).join()).toContain('forged-1@example.test');
    expect(inbox[0]!.flags).not.toContain('\\Seen');
    const status = JSON.parse(runCli(['status', '--json'], live.env).stdout);
    const s2 = status.events.find((e: { id: string }) => e.id === 'sessie-2');
    expect(s2.capacity).toBe(3);
    expect(s2.confirmed.map((p: { email: string }) => p.email)).toEqual(['henk@example.org']);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 90_000);

  it('sends the digest once per day across a restart, and reminders once per person', async () => {
    live = await startLive({ env: { ...ORGANISER_ENV, DIGEST_CRON: '* * * * *', REMINDER_DAYS: '2' } });
    const events = soonEvents(36 * HOUR_MS).map((e) => ({ ...e, capacity: 5 }));
    writeFileSync(live.env.EVENTS_FILE!, JSON.stringify(events));
    // Anna registered three days ago (before the reminder moment); Bob signs up now and needs no reminder.
    const threeDaysAgo = new Date(Date.now() - 72 * HOUR_MS).toISOString();
    writeFileSync(join(live.dataDir, 'db.json'), JSON.stringify({
      ...emptyState('0'.repeat(64)),
      nextSeq: 2,
      registrations: [{ id: 'r1', seq: 1, eventId: events[0]!.id, name: 'Anna', email: 'anna@example.org', phone: null, organisation: null, language: 'nl',
        status: 'confirmed', source: 'mail', cause: 'anna-1@example.org', createdAt: threeDaysAgo, updatedAt: threeDaysAgo, notify: null }],
    }));
    const { dovecot, sink } = live;
    await dovecot.append('INBOX', testMail({ from: 'Bob <bob@example.org>', messageId: 'bob-1@example.org', subject: 'Aanmelding', body: 'Graag meld ik me aan voor de sessie.' }));
    const first = live.start();
    await waitUntil(() => sink.messages.length >= 3, 20_000, 'confirmation, reminder and digest').catch((e) => {
      throw new Error(`${e.message}\n${first.output()}`);
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = live.start();
    await waitUntil(() => /mailbox-open/.test(second.output()), 15_000, 'restart');
    await new Promise((r) => setTimeout(r, 3_000));
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect((await subjects(sink.messages)).sort()).toEqual([
      expect.stringMatching(/^anna@example.org: Herinnering/),
      expect.stringMatching(/^bob@example.org: Bevestiging/),
      expect.stringMatching(/^marieke@example.test: \[aanmeldbot\]/),
    ]);
    const digest = await simpleParser(sink.messages.find((m) => m.envelope.to[0] === 'marieke@example.test')!.raw);
    expect(digest.text).toContain('Plekken: 2 van 5 bezet');
    expect(digest.text).toMatch(/aangemeld \(1\): Bob/);
    expect(digest.attachments.some((a) => a.filename?.endsWith('.csv'))).toBe(true);
  }, 90_000);

  it('offers a seat freed close to the event, and the promoted person confirms by reply', async () => {
    live = await startLive({ env: { LATE_PROMOTION_HOURS: '24', OFFER_HOURS: '2', REMINDER_DAYS: '0' } });
    writeFileSync(live.env.EVENTS_FILE!, JSON.stringify(soonEvents(12 * HOUR_MS)));
    const { dovecot, sink } = live;
    const worker = live.start();
    await waitUntil(() => /mailbox-open/.test(worker.output()), 15_000, 'worker start');
    await dovecot.append('INBOX', testMail({ from: 'Anna <anna@example.org>', messageId: 'a-1@example.org', body: 'Graag meld ik me aan.' }));
    const [confirmation] = await sink.waitFor(1, 10_000);
    await dovecot.append('INBOX', testMail({ from: 'Bert <bert@example.org>', messageId: 'b-1@example.org', body: 'Graag meld ik me aan.' }));
    await sink.waitFor(2, 10_000);
    await dovecot.append('INBOX', testMail({ from: 'Anna <anna@example.org>', messageId: 'a-2@example.org', subject: 'Re: Bevestiging',
      headers: { 'In-Reply-To': `<${confirmation!.messageId}>` }, body: 'Helaas, ik moet me afmelden.' }));
    const afterCancel = await sink.waitFor(4, 10_000);
    const offer = afterCancel.find((m) => m.envelope.to[0] === 'bert@example.org' && m !== afterCancel[1]);
    expect((await simpleParser(offer!.raw)).subject).toMatch(/Wil je die\?/);
    await dovecot.append('INBOX', testMail({ from: 'Bert <bert@example.org>', messageId: 'b-2@example.org', subject: 'Re: plek',
      headers: { 'In-Reply-To': `<${offer!.messageId}>` }, body: 'Ja, graag!' }));
    await sink.waitFor(5, 10_000);
    const status = JSON.parse(runCli(['status', '--json'], live.env).stdout);
    expect(status.events[0].confirmed.map((p: { email: string }) => p.email)).toEqual(['bert@example.org']);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 90_000);
});
