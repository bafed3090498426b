// Mail loops with an auto-responder that sends no telltale headers (a person's address, no Auto-Submitted,
// no Precedence, no X-Autoreply): every reply the bot sends comes straight back into INBOX. Real worker,
// real Dovecot, real SMTP listener. The bot must stop on its own and leave further mail for people.
import { rmSync } from 'node:fs';
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { testMail } from '../harness/dovecot.ts';
import { type Live, startLive, waitUntil } from '../helpers/live.ts';
import { type AutoResponder, startAutoResponder } from './helpers/auto-responder.ts';
import { headerValue, listFolder, sinkReplies, tagged, tagOf } from './helpers/live-mail.ts';

const PIM = { name: 'Pim Jansen', address: 'pim@people.example.org' };
const QUIET_MS = 4_000;

let live: Live | null = null;
let client: ImapFlow | null = null;
let responder: AutoResponder | null = null;
afterEach(async () => {
  await responder?.stop();
  responder = null;
  await client?.logout().catch(() => client?.close());
  client = null;
  await live?.close();
  if (live) rmSync(live.dataDir, { recursive: true, force: true });
  live = null;
});

const signup = () =>
  testMail({ from: `${PIM.name} <${PIM.address}>`, messageId: 'pim-signup@people.example.org', subject: 'Aanmelding sessie 2', body: `Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGroet,\r\n${PIM.name}` });

async function start(body: string) {
  live = await startLive({ capacity: 10 });
  client = await live.dovecot.client();
  responder = startAutoResponder({ sink: live.sink, client, ...PIM, body });
  const worker = live.start();
  await waitUntil(() => /mailbox-open/.test(worker.output()), 30_000, `worker start\n${worker.output()}`);
  await client.append('INBOX', tagged(signup(), 'signup'));
  return worker;
}

/** Waits until nothing new happened for QUIET_MS: no reply sent, no answer appended. */
async function quiet(l: Live, r: AutoResponder, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = `${l.sink.messages.length}/${r.answers}`;
  let since = Date.now();
  while (Date.now() - since < QUIET_MS) {
    if (Date.now() > deadline) throw new Error(`still going after ${timeoutMs} ms: ${l.sink.messages.length} replies, ${r.answers} answers`);
    await new Promise((res) => setTimeout(res, 200));
    const now = `${l.sink.messages.length}/${r.answers}`;
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}

describe('reply loops with a header-less auto-responder', () => {
  it('a plain "Thanks for your message, I\'ll get back to you" is not answered at all: one reply, the answer left for people', async () => {
    const worker = await start("Thanks for your message, I'll get back to you.\r\n\r\nPim");
    await quiet(live!, responder!, 40_000);
    expect(sinkReplies(live!.sink.messages).map((r) => `${r.kind} ${r.to}`)).toEqual([`confirmed ${PIM.address}`]);
    expect(responder!.answers).toBe(1);
    expect(worker.output()).toMatch(/handled key=auto-answer-1@people\.example\.org .*disposition=leave/);
    const inbox = await listFolder(client!, 'INBOX');
    expect(inbox.map((m) => tagOf(m.raw))).toEqual(['auto-answer-1']);
    expect(inbox[0]!.flags).not.toContain('\\Seen');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 90_000);

  it('an answer that reads as a request each time: the bot stops at REPLY_CAP_PER_DAY (5) and leaves the rest for people', async () => {
    // Worst case: its canned text echoes the request, so every copy is a signup the bot would answer
    // ("you are already registered") — which is answered again, and so on.
    const worker = await start("Thanks for your message, I'll get back to you as soon as possible.\r\n\r\nYour request: I would like to sign up for session 2.\r\n\r\nPim");
    await quiet(live!, responder!, 60_000);
    const replies = sinkReplies(live!.sink.messages);
    expect(replies.map((r) => r.kind)).toEqual(['confirmed', 'already-registered', 'already-registered', 'already-registered', 'already-registered']);
    expect(replies.every((r) => r.to === PIM.address)).toBe(true);
    // Each reply was answered; the fifth answer met the cap and stayed, unread.
    expect(responder!.answers).toBe(5);
    expect(worker.output()).toMatch(/handled key=auto-answer-5@people\.example\.org .*decision=left:reply-cap/);

    // Further mail from that address is for people too, while the cap lasts (24 h).
    await client!.append('INBOX', tagged(testMail({ from: `${PIM.name} <${PIM.address}>`, messageId: 'pim-later@people.example.org', subject: 'Nog een vraag', body: 'Kan ik ook een collega meenemen?\r\n\r\nPim' }), 'pim-later'));
    await waitUntil(() => /handled key=pim-later@people\.example\.org .*decision=left:reply-cap/.test(worker.output()), 20_000, `pim-later handled\n${worker.output()}`);
    await quiet(live!, responder!, 30_000);
    expect(live!.sink.messages).toHaveLength(5);
    const inbox = await listFolder(client!, 'INBOX');
    expect(inbox.map((m) => tagOf(m.raw))).toEqual(['auto-answer-5', 'pim-later']);
    expect(inbox.every((m) => !m.flags.includes('\\Seen'))).toBe(true);
    // Every reply still threads on the mail it answers, and says it is automatic (RFC 3834).
    expect(live!.sink.messages.every((m) => headerValue(m.raw, 'Auto-Submitted') === 'auto-replied')).toBe(true);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 120_000);
});
