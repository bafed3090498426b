// ImapSentCopies against a real Dovecot: the copy lands in the \Sent folder, read, byte for byte, and
// can be found again by Message-ID after a crash. One Dovecot per test, tests run concurrently.
import { describe, test } from 'vitest';
import { testMail, type Dovecot } from '../harness/dovecot.ts';
import { dovecotFixtures, type DovecotFixtures } from '../harness/dovecot-fixtures.ts';
import { ImapSentCopies, type ImapSentOptions } from '../../src/transport/imap-sent.ts';
import { ImapSource } from '../../src/transport/imap-source.ts';
import type { OutgoingRaw } from '../../src/transport/types.ts';

interface Fixtures extends DovecotFixtures {
  /** things to close after the test, before the servers stop */
  closeLater: <T extends { close(): Promise<void> }>(thing: T) => T;
  /** an ImapSentCopies on `dovecot` unless told otherwise, closed after the test */
  copies: (extra?: Partial<ImapSentOptions>, server?: Dovecot) => ImapSentCopies;
}

const it = test.extend<Fixtures>({
  ...dovecotFixtures,
  closeLater: async ({ dovecot, startServer }, use) => {
    void dovecot;
    void startServer;
    const things: { close(): Promise<void> }[] = [];
    await use((thing) => {
      things.push(thing);
      return thing;
    });
    await Promise.all(things.map((t) => t.close()));
  },
  copies: async ({ dovecot, closeLater }, use) => {
    await use((extra = {}, server = dovecot) => closeLater(new ImapSentCopies({ ...server.connection(), ...extra })));
  },
});

let counter = 0;
function outgoing(messageId = `sent-${++counter}-${Date.now()}@aanmeldbot.example.test`): OutgoingRaw {
  return {
    messageId,
    envelope: { from: 'info@example.test', to: ['deelnemer@example.org'] },
    raw: testMail({ messageId, from: 'info@example.test', to: 'deelnemer@example.org', subject: 'Bevestiging' }),
  };
}

describe.concurrent('ImapSentCopies', () => {
  it('appends the raw bytes to the \\Sent folder, flagged \\Seen', async ({ dovecot, copies, expect }) => {
    const mail = outgoing();
    await copies().save(mail);
    const sent = await dovecot.list('Sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.flags).toEqual(['\\Seen']);
    expect(sent[0]!.raw.equals(mail.raw)).toBe(true);
    expect(await dovecot.list('INBOX')).toHaveLength(0);
  });

  it('finds a copy by Message-ID, exactly', async ({ copies, expect }) => {
    const c = copies();
    await c.save(outgoing('abc@example.test'));
    expect(await c.hasMessageId('abc@example.test')).toBe(true);
    expect(await c.hasMessageId('bc@example.test')).toBe(false);
    expect(await c.hasMessageId('abc@example.tes')).toBe(false);
    expect(await c.hasMessageId('other@example.test')).toBe(false);
  });

  it('saveOnce does not make a second copy (crash between send and bookkeeping)', async ({ dovecot, copies, expect }) => {
    const c = copies();
    const mail = outgoing();
    expect(await c.saveOnce(mail)).toBe(true);
    expect(await c.saveOnce(mail)).toBe(false);
    expect(await dovecot.list('Sent')).toHaveLength(1);
  });

  it('serializes concurrent saves and searches on its one connection', async ({ dovecot, copies, expect }) => {
    const c = copies();
    const mails = Array.from({ length: 8 }, () => outgoing());
    const results = await Promise.all([...mails.map((m) => c.save(m)), ...mails.map((m) => c.hasMessageId(m.messageId))]);
    expect(results).toHaveLength(16);
    expect(await dovecot.list('Sent')).toHaveLength(8);
    for (const m of mails) expect(await c.hasMessageId(m.messageId)).toBe(true);
  });

  it('does not disturb an ImapSource idling on INBOX of the same mailbox', async ({ dovecot, closeLater, copies, expect }) => {
    const source = closeLater(new ImapSource({ ...dovecot.connection() }));
    await source.open();
    await source.fetchNew(null, 10);
    const c = copies();
    await c.save(outgoing());
    await c.hasMessageId('x@example.test');
    setTimeout(() => void dovecot.append('INBOX', testMail()), 300);
    await source.waitForMail(10_000, new AbortController().signal);
    expect((await source.fetchNew(null, 10)).messages).toHaveLength(1);
  });

  it('uses a configured folder instead of \\Sent', async ({ dovecot, copies, expect }) => {
    const admin = await dovecot.client();
    await admin.mailboxCreate('Verzonden door bot');
    await admin.logout();
    await copies({ sentMailbox: 'Verzonden door bot' }).save(outgoing());
    expect(await dovecot.list('Verzonden door bot')).toHaveLength(1);
    expect(await dovecot.list('Sent')).toHaveLength(0);
  });

  it('reconnects by itself: after a server restart, and after its idle close', async ({ dovecot, copies, expect }) => {
    const c = copies({ idleCloseMs: 200 });
    await c.save(outgoing());
    await dovecot.restart();
    await c.save(outgoing());
    await new Promise((r) => setTimeout(r, 400));
    await c.save(outgoing());
    expect(await dovecot.list('Sent')).toHaveLength(3);
  });

  it('fails with IMAP_CONNECTION while the server is down, and recovers afterwards', async ({ dovecot, copies, expect }) => {
    const c = copies();
    await c.save(outgoing());
    await dovecot.kill();
    await expect(c.save(outgoing())).rejects.toMatchObject({ name: 'TransportError', code: 'IMAP_CONNECTION' });
    await expect(c.hasMessageId('x@example.test')).rejects.toMatchObject({ code: 'IMAP_CONNECTION' });
    await dovecot.restart();
    await c.save(outgoing());
    expect(await dovecot.list('Sent')).toHaveLength(2);
  });

  it('creates and uses a folder named Sent when the server marks none \\Sent', async ({ startServer, copies, expect }) => {
    const bare = await startServer({ specialUseFolders: false });
    expect((await bare.mailboxes()).map((m) => m.path)).toEqual(['INBOX']);
    const c = copies({}, bare);
    await c.save(outgoing());
    await c.save(outgoing());
    expect(await bare.list('Sent')).toHaveLength(2);
  });

  it('rejects after close()', async ({ copies, expect }) => {
    const c = copies();
    await c.close();
    await expect(c.save(outgoing())).rejects.toMatchObject({ code: 'IMAP_CONNECTION' });
  });
});
