// Malformed and oversized mail through the REAL worker process, a real Dovecot and a real SMTP listener:
// a 25 MB attachment (never downloaded whole: MAX_MESSAGE_BYTES; left for people), 10,000 header lines,
// binary garbage, no From, no Message-ID, a MIME part with an empty Content-Type. The worker keeps going,
// and a good mail after them is answered.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { testMail } from '../harness/dovecot.ts';
import { type Live, startLive, waitUntil } from '../helpers/live.ts';
import { headerValue, sinkReplies, tagged } from './helpers/live-mail.ts';

let live: Live | null = null;
let client: ImapFlow | null = null;
afterEach(async () => {
  await client?.logout().catch(() => client?.close());
  client = null;
  await live?.close();
  if (live) rmSync(live.dataDir, { recursive: true, force: true });
  live = null;
});

/** INBOX as people see it: tags and flags only. No bodies: the Dovecot log must show none was sent whole. */
async function inboxTags(c: ImapFlow): Promise<{ tag: string; seen: boolean; size: number }[]> {
  const lock = await c.getMailboxLock('INBOX', { readOnly: true });
  try {
    if (!c.mailbox || c.mailbox.exists === 0) return [];
    const rows = await c.fetchAll('1:*', { uid: true, flags: true, size: true, headers: ['x-test-tag'] }, { uid: true });
    return rows.map((m) => ({ tag: headerValue(m.headers ?? Buffer.alloc(0), 'X-Test-Tag') ?? '?', seen: !!m.flags?.has('\\Seen'), size: m.size ?? 0 }));
  } finally {
    lock.release();
  }
}

function withoutHeader(raw: Buffer, name: string): Buffer {
  return Buffer.from(raw.toString('latin1').replace(new RegExp(`^${name}:[^\\r\\n]*\\r\\n`, 'im'), ''), 'latin1');
}

const signup = (who: string, id: string) =>
  testMail({ from: `${who} <${who.toLowerCase()}@people.example.org>`, messageId: id, subject: 'Aanmelding sessie 2', body: `Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGroet,\r\n${who}` });

describe('bad input through the real worker', () => {
  it('a 25 MB mail, 10,000 header lines, binary garbage, no From, no Message-ID, an empty part type: the worker keeps going and answers the good mail after them', async () => {
    live = await startLive({ capacity: 10 });
    const { dovecot, sink } = live;
    client = await dovecot.client();
    const c = client;

    // 25 MB: a person's mail with a big attachment (base64 lines, as a mail client sends it).
    const attachment = randomBytes(19 * 1024 * 1024).toString('base64').replace(/.{76}/g, '$&\r\n');
    const big = Buffer.from(
      [
        'From: Bea Groot <bea@people.example.org>', 'To: info@example.test', 'Subject: Aanmelding sessie 2, met presentatie',
        'Message-ID: <big-1@people.example.org>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
        '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Graag meld ik me aan voor sessie 2. De presentatie zit in de bijlage.', '',
        '--b1', 'Content-Type: application/pdf; name="presentatie.pdf"', 'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="presentatie.pdf"', '', attachment, '--b1--', '',
      ].join('\r\n'),
    );
    expect(big.length).toBeGreaterThan(25 * 1024 * 1024);
    const manyHeaders = Buffer.concat([
      Buffer.from(Array.from({ length: 10_000 }, (_, i) => `Received: from relay${i}.example.net by mx.example.org; Thu, 26 Nov 2026 10:00:00 +0000\r\n`).join('')),
      signup('Henk', 'headers-10k@people.example.org'),
    ]);
    const garbage = randomBytes(64 * 1024);
    const noFrom = withoutHeader(signup('Nora', 'no-from@people.example.org'), 'From');
    const noMessageId = withoutHeader(signup('Mia', 'unused@people.example.org'), 'Message-ID');
    // A MIME part whose Content-Type is empty (a broken mailer; or a mail cut off there): mailparser gives
    // contentType `false`, parseMail threw, and the worker retried that batch forever. Found by the fuzz.
    const emptyPartType = Buffer.from(
      'From: Piet Part <piet@people.example.org>\r\nTo: info@example.test\r\nSubject: Aanmelding sessie 2\r\nMessage-ID: <empty-part-type@people.example.org>\r\n' +
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
        'Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nPiet\r\n--b\r\nContent-Type:\r\n\r\nx\r\n--b--\r\n',
    );

    for (const [tag, raw] of [['big', big], ['headers-10k', manyHeaders], ['garbage', garbage], ['no-from', noFrom], ['no-message-id', noMessageId], ['empty-part-type', emptyPartType]] as const) {
      await c.append('INBOX', tagged(raw, tag));
    }
    const worker = live.start();
    await waitUntil(() => /mailbox-open/.test(worker.output()), 30_000, `worker start\n${worker.output()}`);
    // The bad ones are handled (one way or the other) before the good one even arrives.
    await waitUntil(() => (worker.output().match(/ handled /g) ?? []).length >= 6, 30_000, `6 handled\n${worker.output()}`);
    await c.append('INBOX', tagged(signup('Goedele', 'good-after@people.example.org'), 'good'));
    await waitUntil(() => sink.messages.some((m) => m.envelope.to.includes('goedele@people.example.org')), 20_000, `reply to the good mail\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 1_500));

    const out = worker.output();
    const decision = (id: string) => new RegExp(`handled key=${id.replace(/[.]/g, '\\.')} .*decision=(\\S+)`).exec(out)?.[1];
    // Oversized: only a prefix was read (decide() sees it truncated) and it is left for people.
    expect(decision('big-1@people.example.org')).toBe('left:truncated');
    // No From: nobody to answer, so for people.
    expect(out).toMatch(/decision=left:no-from/);
    // No Message-ID: still a person's signup; handled under the hash of its bytes, and answered.
    expect(out).toMatch(/handled key=sha256:[0-9a-f]+ from=mia@people\.example\.org .*decision=signup:sessie-2:confirmed/);
    expect(out).not.toMatch(/mailbox-lost|ERROR|compose-failed|uncaught/i);

    const replies = sinkReplies(sink.messages);
    expect(replies.map((r) => r.to).sort()).toEqual(['goedele@people.example.org', 'henk@people.example.org', 'mia@people.example.org', 'piet@people.example.org']);
    expect(replies.find((r) => r.to === 'mia@people.example.org')!.inReplyTo).toBeNull();
    expect(new Set(replies.map((r) => r.messageId)).size).toBe(replies.length);

    // Left for people, unread: the big one, the garbage and the mail without From.
    const inbox = await inboxTags(c);
    expect(inbox.map((m) => m.tag).sort()).toEqual(['big', 'garbage', 'no-from']);
    expect(inbox.every((m) => !m.seen)).toBe(true);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    // Dovecot's own account of bytes sent per session: no session ever carried the 25 MB mail.
    await waitUntil(() => /Logged out/.test(dovecot.logs()), 5_000, 'Dovecot session log');
    const outBytes = [...dovecot.logs().matchAll(/\bout=(\d+)/g)].map((m) => Number(m[1]));
    expect(outBytes.length).toBeGreaterThan(0);
    expect(Math.max(...outBytes)).toBeLessThan(2 * 1024 * 1024);
  }, 120_000);
});
