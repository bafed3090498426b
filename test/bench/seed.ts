// Inputs for the benchmark: signup mails, an events file, a store that has seen many registrations, and an
// INBOX with many old messages written straight into Dovecot's Maildir (IMAP APPEND of 50,000 is slow).
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { DeskState, OutboxItem, Registration } from '../../src/core/state.ts';
import type { EventInfo } from '../../src/core/types.ts';
import { type Dovecot, testMail } from '../harness/dovecot.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const RUSH_EVENT_ID = 'rush';
/**
 * Events that took the seeded (old) registrations: ended 2–20 days ago, so no signup lands there and the
 * retention purge (RETENTION_DAYS, default 30) has not touched them yet.
 */
export const ARCHIVE_EVENTS = 4;

export const pad = (i: number) => String(i).padStart(5, '0');
export const rushAddress = (i: number) => `p${pad(i)}@example.org`;

/** The i-th person's signup: plain Dutch, names no event (so it goes to the one open event). */
export function signupMail(i: number, tag: string): { raw: Buffer; messageId: string; address: string } {
  const messageId = `${tag}-${pad(i)}-${randomBytes(4).toString('hex')}@example.org`;
  const address = rushAddress(i);
  const raw = testMail({
    from: `Deelnemer ${pad(i)} <${address}>`,
    messageId,
    subject: 'Aanmelding kennissessie',
    body: `Beste organisatie,\r\n\r\nGraag meld ik me aan voor de kennissessie.\r\n\r\nMet vriendelijke groet,\r\nDeelnemer ${pad(i)}\r\n`,
  });
  return { raw, messageId, address };
}

/** One open event (the rush) plus the archive events the seeded registrations belong to. */
export function benchEvents(capacity: number, now = new Date()): EventInfo[] {
  const start = new Date(now.getTime() + 60 * DAY_MS);
  start.setUTCHours(12, 30, 0, 0);
  const iso = (d: Date) => d.toISOString().replace('.000Z', '+00:00');
  const rush: EventInfo = {
    id: RUSH_EVENT_ID,
    number: 1,
    title: 'Kennissessie: warmte in de wijk',
    start: iso(start),
    end: iso(new Date(start.getTime() + 4.5 * 60 * 60 * 1000)),
    location: 'ANNE bij Utrecht Centraal',
    address: 'Stationsplein, Utrecht',
    capacity,
    registrationDeadline: iso(new Date(start.getTime() - DAY_MS)),
    keywords: ['warmte'],
    description: 'Benchmark-sessie.',
  };
  const archive = Array.from({ length: ARCHIVE_EVENTS }, (_, k): EventInfo => {
    const s = new Date(now.getTime() - (20 - k * 6) * DAY_MS);
    return {
      id: `archief-${k + 1}`,
      title: `Oude sessie ${k + 1}`,
      start: iso(s),
      end: iso(new Date(s.getTime() + 4 * 60 * 60 * 1000)),
      location: 'ANNE bij Utrecht Centraal',
      capacity: 1_000_000,
    };
  });
  return [rush, ...archive];
}

export function writeEventsFile(dir: string, events: EventInfo[]): string {
  const file = join(dir, 'events.json');
  writeFileSync(file, JSON.stringify(events, null, 2));
  return file;
}

/**
 * A store as it looks after `count` registrations by mail on the archive events: each with its handled
 * record, audit entry, sent reply (bytes dropped after the Sent copy, as the worker does) and reply log.
 * Nothing is pruned today, so this is what db.json holds after that many signups.
 */
export function seededState(count: number, opts: { cursor?: DeskState['cursor']; now?: Date } = {}): DeskState {
  const now = opts.now ?? new Date();
  const domain = 'aanmeldbot.example.test';
  const registrations: Registration[] = [];
  const handled: DeskState['handled'] = {};
  const outbox: OutboxItem[] = [];
  const audit: DeskState['audit'] = [];
  const replyLog: DeskState['replyLog'] = {};
  for (let i = 1; i <= count; i++) {
    const at = new Date(now.getTime() - 300 * DAY_MS + i * 1000).toISOString();
    const cause = `old-${pad(i)}-${i.toString(36)}@mail.example.net`;
    const email = `oud${pad(i)}@example.net`;
    const eventId = `archief-${(i % ARCHIVE_EVENTS) + 1}`;
    const status: Registration['status'] = i % 10 === 0 ? 'cancelled' : i % 7 === 0 ? 'waitlisted' : 'confirmed';
    const id = `r${i}`;
    registrations.push({
      id, seq: i, eventId, name: `Oud Deelnemer ${pad(i)}`, email, phone: null, organisation: i % 3 ? 'Energiecoöperatie Zuid' : null,
      language: 'nl', status, source: 'mail', cause, createdAt: at, updatedAt: at, notify: null,
    });
    handled[cause] = { at, outcome: 'handled', summary: `signup:${eventId}:confirmed`, subject: 'Aanmelding kennissessie' };
    audit.push({ at, cause, what: 'registered as confirmed', registrationId: id, eventId });
    const messageId = `confirmed.${randomBytes(6).toString('hex')}.${randomBytes(8).toString('hex')}@${domain}`;
    outbox.push({
      id: messageId,
      spec: {
        kind: 'confirmed', messageId, to: { name: `Oud Deelnemer ${pad(i)}`, address: email }, language: 'nl', eventId, registrationId: id,
        inReplyTo: cause, references: [cause], answeredSubject: 'Aanmelding kennissessie', vars: { attendee: `Oud Deelnemer ${pad(i)}` },
      },
      raw: null, envelope: { from: 'info@example.test', to: [email] }, status: 'sent', attempts: 1, nextAttemptAt: null, lastError: null,
      sentAt: at, copied: true, cause, createdAt: at,
    });
    replyLog[email] = [at];
  }
  return {
    schemaVersion: 1,
    secret: randomBytes(32).toString('hex'),
    nextSeq: count + 1,
    registrations,
    handled,
    outbox,
    audit,
    replyLog,
    cursor: opts.cursor ?? null,
    pendingSettle: [],
    eventOverrides: {},
  };
}

export function writeStore(dataDir: string, state: DeskState): number {
  const text = JSON.stringify(state);
  writeFileSync(join(dataDir, 'db.json'), text, { mode: 0o600 });
  return text.length;
}

/** APPENDs in order over one connection; returns the UIDs (UIDPLUS), which are then arrival order. */
export async function appendAll(client: ImapFlow, mails: Buffer[], mailbox = 'INBOX'): Promise<number[]> {
  const uids: number[] = [];
  for (const raw of mails) {
    const res = await client.append(mailbox, raw);
    if (!res || typeof res.uid !== 'number') throw new Error(`APPEND to ${mailbox} failed`);
    uids.push(res.uid);
  }
  return uids;
}

/**
 * Writes `count` old messages straight into the first user's INBOX Maildir (cur/, seen), owned like the
 * home directory so Dovecot can index them. Call before any IMAP session has the INBOX open.
 */
export function writeOldMessages(dovecot: Dovecot, count: number): { bytes: number } {
  const home = join(dovecot.dir, 'home', 'u0');
  const { uid, gid } = statSync(home);
  const maildir = join(home, 'Maildir');
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    const dir = join(maildir, sub);
    if (!existsSync(dir)) {
      mkdirSync(dir, { mode: 0o700 });
      chownSync(dir, uid, gid);
    }
  }
  const base = Math.floor(Date.now() / 1000) - 200 * 24 * 3600;
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const raw = testMail({
      from: `Oud Deelnemer ${pad(i)} <oud${pad(i)}@example.net>`,
      messageId: `old-${pad(i)}-${i.toString(36)}@mail.example.net`,
      subject: i % 5 ? 'Aanmelding kennissessie' : 'Vraag over parkeren',
      body: `Beste organisatie,\r\n\r\nGraag meld ik me aan.\r\n\r\nMet vriendelijke groet,\r\nOud Deelnemer ${pad(i)}\r\n`,
      size: 1500 + (i % 7) * 400,
    });
    const name = `${base + i}.M${i}P1.bench,S=${raw.length},W=${raw.length}:2,S`;
    const file = join(maildir, 'cur', name);
    writeFileSync(file, raw);
    chownSync(file, uid, gid);
    bytes += raw.length;
  }
  return { bytes };
}
