// Mail for the live reliability tests, each tagged (X-Test-Tag) so it can be found again in any folder, and
// a few helpers to read what the worker left behind: its store, the sink, the mailbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { DeskState } from '../../../src/core/state.ts';
import { parseMail } from '../../../src/mail/parse.ts';
import { isAutomatic } from '../../../src/understand/robots.ts';
import { testMail } from '../../harness/dovecot.ts';
import type { ReceivedMail } from '../../harness/smtp-sink.ts';
import { ROBOT_DIR } from './mutate.ts';
import type { Rng } from './rng.ts';

/** The MAIL_FROM of test/helpers/live.ts gives this Message-ID domain. */
export const LIVE_MESSAGE_ID_DOMAIN = 'aanmeldbot.example.test';

export function tagged(raw: Buffer, tag: string): Buffer {
  return Buffer.concat([Buffer.from(`X-Test-Tag: ${tag}\r\n`), raw]);
}

export function tagOf(raw: Buffer): string | null {
  const head = raw.subarray(0, 200).toString('latin1');
  return /^X-Test-Tag: (\S+)/.exec(head)?.[1] ?? null;
}

export function headerValue(raw: Buffer, name: string): string | null {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head);
  return m ? m[1]!.trim() : null;
}

/** "<a@b>" → "a@b" */
export const bare = (id: string | null) => (id ? id.trim().replace(/^<|>$/g, '') : null);

export interface Person {
  name: string;
  address: string;
}

export const personNo = (i: number): Person => ({ name: `Deelnemer ${i}`, address: `deelnemer${i}@people.example.org` });

export function signupMail(p: Person, messageId: string): Buffer {
  return testMail({
    from: `${p.name} <${p.address}>`,
    messageId,
    subject: 'Aanmelding sessie 2',
    body: `Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGroet,\r\n${p.name}`,
  });
}

/** A reply to one of our mails: proof the sender reads that mailbox, so it counts at once. */
export function cancelMail(p: Person, messageId: string, answers: { messageId: string; references: string[] }): Buffer {
  return testMail({
    from: `${p.name} <${p.address}>`,
    messageId,
    subject: 'Re: Bevestiging aanmelding',
    headers: { 'In-Reply-To': `<${answers.messageId}>`, References: [...answers.references, answers.messageId].map((r) => `<${r}>`).join(' ') },
    body: `Helaas ben ik verhinderd, graag afmelden.\r\n\r\n${p.name}`,
  });
}

const QUESTIONS = [
  { subject: 'Parkeren?', body: 'Kan ik bij ANNE parkeren?' },
  { subject: 'Vraagje', body: 'Is de sessie ook online te volgen? En komen de slides achteraf beschikbaar?' },
  { subject: 'Toegankelijkheid', body: 'Is het gebouw rolstoeltoegankelijk?' },
  { subject: 'Factuur', body: 'Moeten we voor deelname iets betalen? Onze administratie vraagt ernaar.' },
];

export function questionMail(i: number, messageId: string): Buffer {
  const q = QUESTIONS[i % QUESTIONS.length]!;
  return testMail({ from: `Vrager ${i} <vrager${i}@people.example.org>`, messageId, subject: q.subject, body: `${q.body}\r\n\r\nGroet,\r\nVrager ${i}` });
}

/** `n` distinct mails from the real robot corpus that are robots for our Message-ID domain too. */
export async function pickRobots(r: Rng, n: number): Promise<{ name: string; raw: Buffer }[]> {
  const files = r.shuffle(readdirSync(ROBOT_DIR).filter((f) => f.endsWith('.eml')).sort());
  const out: { name: string; raw: Buffer }[] = [];
  for (const f of files) {
    if (out.length >= n) break;
    const raw = readFileSync(join(ROBOT_DIR, f));
    // IMAP stores CRLF; bare-LF corpus files are converted the way a server would.
    const crlf = Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    const msg = await parseMail(crlf);
    if (isAutomatic(msg, { ourDomains: [LIVE_MESSAGE_ID_DOMAIN] }).automatic) out.push({ name: f, raw: crlf });
  }
  return out;
}

/** Our reply's kind, from our Message-ID ("confirmed.<hash>.<token>@domain"). */
export function replyKind(messageId: string | null): string {
  return messageId?.split('.')[0] ?? '?';
}

export interface SinkReply {
  messageId: string;
  kind: string;
  to: string;
  inReplyTo: string | null;
  at: number;
}

export function sinkReplies(messages: ReceivedMail[]): SinkReply[] {
  return messages.map((m) => ({
    messageId: m.messageId ?? '?',
    kind: replyKind(m.messageId),
    to: m.envelope.to.join(','),
    inReplyTo: bare(headerValue(m.raw, 'In-Reply-To')),
    at: m.receivedAt,
  }));
}

export function readStore(dataDir: string): DeskState {
  return JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8')) as DeskState;
}

/** All messages of a folder without touching \Seen, over an open connection. */
export async function listFolder(client: ImapFlow, path: string): Promise<{ uid: number; flags: string[]; raw: Buffer }[]> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    if (!client.mailbox || client.mailbox.exists === 0) return [];
    const rows = await client.fetchAll('1:*', { uid: true, flags: true, source: true }, { uid: true });
    return rows.map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])], raw: m.source ?? Buffer.alloc(0) })).sort((a, b) => a.uid - b.uid);
  } finally {
    lock.release();
  }
}

export function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
