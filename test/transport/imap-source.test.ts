// ImapSource against a real Dovecot: cursor semantics, partial reads, filing, IDLE and failure.
// Each test gets its own Dovecot (fixtures), so they run concurrently: most of their time is waiting.
import net from 'node:net';
import { describe, test } from 'vitest';
import { testMail, type Dovecot } from '../harness/dovecot.ts';
import { dovecotFixtures, type DovecotFixtures } from '../harness/dovecot-fixtures.ts';
import { ImapSource, imapSourceFactory, type ImapSourceOptions } from '../../src/transport/imap-source.ts';
import { withReconnect } from '../../src/transport/reconnect.ts';
import { TransportError, type MailboxCursor, type RawMessage } from '../../src/transport/types.ts';

interface Fixtures extends DovecotFixtures {
  /** an opened ImapSource (on `dovecot` unless told otherwise), closed after the test */
  openSource: (extra?: Partial<ImapSourceOptions>, server?: Dovecot) => Promise<ImapSource>;
}

const it = test.extend<Fixtures>({
  ...dovecotFixtures,
  // Depends on both servers so that it is torn down (sources closed) before they stop.
  openSource: async ({ dovecot, startServer }, use) => {
    void startServer;
    const opened: ImapSource[] = [];
    await use(async (extra = {}, server = dovecot) => {
      const source = new ImapSource({ ...server.connection(), processedMailbox: 'Verwerkt', ...extra });
      opened.push(source);
      await source.open();
      return source;
    });
    await Promise.all(opened.map((s) => s.close()));
  },
});

function cursorAfter(uidValidity: string, messages: RawMessage[], previous = 0): MailboxCursor {
  return { uidValidity, lastUid: messages.reduce((max, m) => Math.max(max, m.uid), previous) };
}

async function elapsed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const never = () => new AbortController().signal;

describe.concurrent('fetchNew', () => {
  it('returns new messages in UID order, at most max, and continues after the cursor', async ({ dovecot, openSource, expect }) => {
    const uids: number[] = [];
    for (let i = 0; i < 5; i++) uids.push(await dovecot.append('INBOX', testMail({ subject: `m${i}` })));
    const source = await openSource();

    const first = await source.fetchNew(null, 2);
    expect(first.uidValidity).toMatch(/^\d+$/);
    expect(first.messages.map((m) => m.uid)).toEqual(uids.slice(0, 2));
    expect(first.messages[0]).toMatchObject({
      sourceId: `imap:${first.uidValidity}:${uids[0]}`,
      truncated: false,
    });
    expect(first.messages[0]!.raw.toString()).toContain('Subject: m0');
    expect(first.messages[0]!.size).toBe(first.messages[0]!.raw.length);

    let cursor = cursorAfter(first.uidValidity, first.messages);
    const rest = await source.fetchNew(cursor, 10);
    expect(rest.messages.map((m) => m.uid)).toEqual(uids.slice(2));
    cursor = cursorAfter(rest.uidValidity, rest.messages, cursor.lastUid);

    const later = await dovecot.append('INBOX', testMail());
    expect((await source.fetchNew(cursor, 10)).messages.map((m) => m.uid)).toEqual([later]);
    expect((await source.fetchNew(cursor, 0)).messages).toEqual([]);
  });

  it('pages through a backlog in order, without gaps or repeats', async ({ dovecot, openSource, expect }) => {
    const admin = await dovecot.client();
    const uids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await admin.append('INBOX', testMail({ subject: `backlog ${i}` }));
      if (res && res.uid) uids.push(res.uid);
    }
    // a hole in the UID range, as left by mail a person moved away
    await admin.mailboxOpen('INBOX');
    await admin.messageDelete(`${uids[10]}:${uids[14]}`, { uid: true });
    await admin.logout();
    const source = await openSource();
    const seen: number[] = [];
    let cursor: MailboxCursor | null = null;
    for (let round = 0; round < 10; round++) {
      const res = await source.fetchNew(cursor, 7);
      if (res.messages.length === 0) break;
      expect(res.messages.length).toBeLessThanOrEqual(7);
      seen.push(...res.messages.map((m) => m.uid));
      cursor = cursorAfter(res.uidValidity, res.messages, cursor?.lastUid ?? 0);
    }
    expect(seen).toEqual(uids.filter((_, i) => i < 10 || i > 14));
  });

  it('returns nothing when the cursor is at or beyond the last UID (UID FETCH N:* pitfall)', async ({ dovecot, openSource, expect }) => {
    const last = await dovecot.append('INBOX', testMail());
    const source = await openSource();
    const { uidValidity } = await source.fetchNew(null, 10);
    expect((await source.fetchNew({ uidValidity, lastUid: last }, 10)).messages).toEqual([]);
    expect((await source.fetchNew({ uidValidity, lastUid: last + 1000 }, 10)).messages).toEqual([]);
  });

  it('handles an empty mailbox', async ({ openSource, expect }) => {
    const source = await openSource();
    const res = await source.fetchNew(null, 10);
    expect(res.messages).toEqual([]);
    expect(res.uidValidity).toMatch(/^\d+$/);
  });

  it('starts from the beginning when the cursor has another UIDVALIDITY', async ({ dovecot, openSource, expect }) => {
    const uid = await dovecot.append('INBOX', testMail());
    const source = await openSource();
    const res = await source.fetchNew({ uidValidity: '1', lastUid: uid + 50 }, 10);
    expect(res.uidValidity).not.toBe('1');
    expect(res.messages.map((m) => m.uid)).toEqual([uid]);
  });

  it('never marks anything as read', async ({ dovecot, openSource, expect }) => {
    await dovecot.append('INBOX', testMail());
    await dovecot.append('INBOX', testMail({ size: 20_000 }));
    const source = await openSource({ maxMessageBytes: 10_000, truncatedPrefixBytes: 1_000 });
    expect((await source.fetchNew(null, 10)).messages).toHaveLength(2);
    for (const m of await dovecot.list('INBOX')) expect(m.flags).not.toContain('\\Seen');
  });

  it('reads only the first bytes of a message above maxMessageBytes and marks it truncated', async ({ dovecot, openSource, expect }) => {
    const big = testMail({ subject: 'groot', size: 300_000 });
    const smallUid = await dovecot.append('INBOX', testMail({ subject: 'klein' }));
    const bigUid = await dovecot.append('INBOX', big);
    const source = await openSource({ maxMessageBytes: 100_000, truncatedPrefixBytes: 4_096 });
    const { messages } = await source.fetchNew(null, 10);
    expect(messages.map((m) => m.uid)).toEqual([smallUid, bigUid]);
    const [small, large] = messages;
    expect(small!.truncated).toBe(false);
    expect(large!.truncated).toBe(true);
    expect(large!.size).toBe(big.length);
    expect(large!.raw.length).toBe(4_096);
    expect(large!.raw.equals(big.subarray(0, 4_096))).toBe(true);
    expect(large!.raw.toString()).toContain('Subject: groot');
  });

  it('cuts a batch at batchMaxBytes and returns the rest next time, in order (at least one, however large)', async ({ dovecot, openSource, expect }) => {
    const uids: number[] = [];
    for (const n of [1, 2, 3, 4]) uids.push(await dovecot.append('INBOX', testMail({ subject: `blok ${n}`, size: 40_000 })));
    const source = await openSource({ batchMaxBytes: 100_000 });
    const first = await source.fetchNew(null, 10);
    expect(first.messages.map((m) => m.uid)).toEqual(uids.slice(0, 2));
    const second = await source.fetchNew({ uidValidity: first.uidValidity, lastUid: uids[1]! }, 10);
    expect(second.messages.map((m) => m.uid)).toEqual(uids.slice(2, 4));
    // Arrival time is the server's INTERNALDATE (the APPEND just now), not the mail's Date header.
    for (const m of first.messages) expect(Math.abs(Date.parse(m.arrivedAt!) - Date.now())).toBeLessThan(5 * 60_000);
    const tiny = await openSource({ batchMaxBytes: 1_000 });
    expect((await tiny.fetchNew(null, 10)).messages.map((m) => m.uid)).toEqual([uids[0]]);
  });
});

describe.concurrent('settle', () => {
  it("moves 'file' items into the processed folder (created and subscribed) and leaves 'leave' ones unread", async ({ dovecot, openSource, expect }) => {
    const a = await dovecot.append('INBOX', testMail({ messageId: 'file-me@example.test' }));
    const b = await dovecot.append('INBOX', testMail({ messageId: 'leave-me@example.test' }));
    const source = await openSource();
    const { messages } = await source.fetchNew(null, 10);
    expect((await dovecot.mailboxes()).map((m) => m.path)).not.toContain('Verwerkt');

    const items = [
      { sourceId: messages[0]!.sourceId, uid: a, disposition: 'file' as const },
      { sourceId: messages[1]!.sourceId, uid: b, disposition: 'leave' as const },
    ];
    await source.settle(items);

    const inbox = await dovecot.list('INBOX');
    expect(inbox.map((m) => m.uid)).toEqual([b]);
    expect(inbox[0]!.flags).not.toContain('\\Seen');
    const filed = await dovecot.list('Verwerkt');
    expect(filed).toHaveLength(1);
    expect(filed[0]!.raw.toString()).toContain('file-me@example.test');
    expect((await dovecot.mailboxes()).find((m) => m.path === 'Verwerkt')).toMatchObject({ subscribed: true });

    // settling again (a retry after a crash) changes nothing and does not fail
    await source.settle(items);
    await source.settle([]);
    expect((await dovecot.list('INBOX')).map((m) => m.uid)).toEqual([b]);
    expect(await dovecot.list('Verwerkt')).toHaveLength(1);
  });

  it('moves many at once and keeps later fetches consistent', async ({ dovecot, openSource, expect }) => {
    for (let i = 0; i < 6; i++) await dovecot.append('INBOX', testMail());
    const source = await openSource();
    const first = await source.fetchNew(null, 10);
    await source.settle(first.messages.filter((_, i) => i !== 2).map((m) => ({ sourceId: m.sourceId, uid: m.uid, disposition: 'file' as const })));
    expect((await dovecot.list('INBOX')).map((m) => m.uid)).toEqual([first.messages[2]!.uid]);
    expect(await dovecot.list('Verwerkt')).toHaveLength(5);
    const next = await dovecot.append('INBOX', testMail());
    const cursor = cursorAfter(first.uidValidity, first.messages);
    expect((await source.fetchNew(cursor, 10)).messages.map((m) => m.uid)).toEqual([next]);
  });

  it('ignores items from another UIDVALIDITY (the UID may name a different message now)', async ({ dovecot, openSource, expect }) => {
    const uid = await dovecot.append('INBOX', testMail());
    const source = await openSource();
    await source.settle([{ sourceId: `imap:1:${uid}`, uid, disposition: 'file' }]);
    expect(await dovecot.list('INBOX')).toHaveLength(1);
  });

  it('recreates the processed folder when someone deleted it', async ({ dovecot, openSource, expect }) => {
    await dovecot.append('INBOX', testMail());
    await dovecot.append('INBOX', testMail());
    const source = await openSource();
    const { messages } = await source.fetchNew(null, 10);
    await source.settle([{ sourceId: messages[0]!.sourceId, uid: messages[0]!.uid, disposition: 'file' }]);
    const admin = await dovecot.client();
    await admin.mailboxDelete('Verwerkt');
    await admin.logout();
    await source.settle([{ sourceId: messages[1]!.sourceId, uid: messages[1]!.uid, disposition: 'file' }]);
    expect(await dovecot.list('INBOX')).toHaveLength(0);
    expect(await dovecot.list('Verwerkt')).toHaveLength(1);
  });

  it('works on a server without MOVE (COPY + EXPUNGE) and still leaves the rest alone', async ({ startServer, openSource, expect }) => {
    const server = await startServer({ dropCapabilities: ['MOVE'] });
    const keep = await server.append('INBOX', testMail(), ['\\Deleted']);
    const go = await server.append('INBOX', testMail());
    const source = await openSource({}, server);
    const { messages } = await source.fetchNew(null, 10);
    const goMsg = messages.find((m) => m.uid === go)!;
    await source.settle([{ sourceId: goMsg.sourceId, uid: go, disposition: 'file' }]);
    await source.settle([{ sourceId: goMsg.sourceId, uid: go, disposition: 'file' }]);
    // a message someone else flagged \Deleted must survive our expunge
    expect((await server.list('INBOX')).map((m) => m.uid)).toEqual([keep]);
    expect(await server.list('Verwerkt')).toHaveLength(1);
  });
});

describe.concurrent('waitForMail', () => {
  it('wakes within about a second of an APPEND (IDLE)', async ({ dovecot, openSource, expect }) => {
    const source = await openSource();
    await source.fetchNew(null, 10);
    let appended = Number.POSITIVE_INFINITY;
    // after IDLE has started (AUTO_IDLE_DELAY_MS of quiet), as in normal operation
    setTimeout(() => void dovecot.append('INBOX', testMail()).then(() => (appended = performance.now())), 1_500);
    await source.waitForMail(20_000, never());
    const woke = performance.now();
    expect(woke - appended).toBeLessThan(2_000);
    expect((await source.fetchNew(null, 10)).messages).toHaveLength(1);
  });

  it('returns at once when mail arrived after the last fetch', async ({ dovecot, openSource, expect }) => {
    const source = await openSource();
    await source.fetchNew(null, 10);
    await dovecot.append('INBOX', testMail());
    // let IDLE (auto-started after a second of quiet) report it
    await new Promise((r) => setTimeout(r, 2_000));
    const { ms } = await elapsed(() => source.waitForMail(20_000, never()));
    expect(ms).toBeLessThan(100);
  });

  it('resolves on timeout and on abort', async ({ openSource, expect }) => {
    const source = await openSource();
    await source.fetchNew(null, 10);
    const timedOut = await elapsed(() => source.waitForMail(300, never()));
    expect(timedOut.ms).toBeGreaterThanOrEqual(290);
    expect(timedOut.ms).toBeLessThan(1_500);

    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const aborted = await elapsed(() => source.waitForMail(20_000, ac.signal));
    expect(aborted.ms).toBeLessThan(1_500);
    const already = await elapsed(() => source.waitForMail(20_000, ac.signal));
    expect(already.ms).toBeLessThan(50);
  });

  it('falls back to polling when the server has no IDLE', async ({ startServer, openSource, expect }) => {
    const server = await startServer({ dropCapabilities: ['IDLE'] });
    const source = await openSource({ pollIntervalMs: 300 }, server);
    await source.fetchNew(null, 10);
    setTimeout(() => void server.append('INBOX', testMail()), 500);
    const { ms } = await elapsed(() => source.waitForMail(20_000, never()));
    expect(ms).toBeLessThan(2_000);
    expect((await source.fetchNew(null, 10)).messages).toHaveLength(1);
  });

  it('close() releases a pending wait', async ({ openSource, expect }) => {
    const source = await openSource();
    const waiting = source.waitForMail(20_000, never());
    await source.close();
    await expect(waiting).resolves.toBeUndefined();
  });
});

describe.concurrent('connection failures', () => {
  it('rejects a pending wait with IMAP_CONNECTION when Dovecot dies, and later calls too', async ({ dovecot, openSource, expect }) => {
    const source = await openSource();
    await source.fetchNew(null, 10);
    const waiting = source.waitForMail(30_000, never());
    const t0 = performance.now();
    setTimeout(() => void dovecot.kill(), 300);
    await expect(waiting).rejects.toMatchObject({ name: 'TransportError', code: 'IMAP_CONNECTION' });
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(source.connected).toBe(false);
    await expect(source.fetchNew(null, 10)).rejects.toMatchObject({ code: 'IMAP_CONNECTION' });
    await expect(source.settle([{ sourceId: 'imap:1:1', uid: 1, disposition: 'file' }])).rejects.toMatchObject({ code: 'IMAP_CONNECTION' });
    await expect(source.waitForMail(1_000, never())).rejects.toBeInstanceOf(TransportError);
  });

  it('fails open() with IMAP_AUTH for a wrong password, naming the settings without echoing it', async ({ dovecot, expect }) => {
    const source = new ImapSource({ ...dovecot.connection(), auth: { user: dovecot.user, pass: 'Sup3rGeheim!' } });
    const err = await source.open().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('IMAP_AUTH');
    expect((err as TransportError).message).toContain('IMAP_PASSWORD');
    expect((err as TransportError).message).not.toContain('Sup3rGeheim!');
  });

  it('fails open() with IMAP_COMMAND when the mailbox does not exist', async ({ dovecot, expect }) => {
    const source = new ImapSource({ ...dovecot.connection(), mailbox: 'Bestaat niet' });
    await expect(source.open()).rejects.toMatchObject({ code: 'IMAP_COMMAND' });
    expect(source.connected).toBe(false);
  });

  it('fails open() with IMAP_CONNECTION when nothing listens', async ({ dovecot, expect }) => {
    const port = dovecot.port;
    await dovecot.kill();
    const source = new ImapSource({ ...dovecot.connection(), port });
    await expect(source.open()).rejects.toMatchObject({ code: 'IMAP_CONNECTION' });
  });

  it('notices a half-open connection through socketTimeoutMs', async ({ dovecot, openSource, expect }) => {
    const proxy = await frozenProxy(dovecot.port);
    try {
      const source = await openSource({ port: proxy.port, socketTimeoutMs: 1_500 });
      await source.fetchNew(null, 10);
      const waiting = source.waitForMail(60_000, never());
      // let IDLE start, then stop all traffic without closing anything (a dead NAT entry, a pulled cable)
      await new Promise((r) => setTimeout(r, 1_500));
      proxy.freeze();
      const t0 = performance.now();
      await expect(waiting).rejects.toMatchObject({ code: 'IMAP_CONNECTION' });
      expect(performance.now() - t0).toBeLessThan(10_000);
    } finally {
      proxy.close();
    }
  });

  it('a reconnect loop with a fresh source catches up on mail that arrived while the server was down', async ({ dovecot, expect }) => {
    const seen: number[] = [];
    let cursor: MailboxCursor | null = null;
    const ac = new AbortController();
    const errors: string[] = [];
    let sessions = 0;
    const first = await dovecot.append('INBOX', testMail());
    const loop = withReconnect({
      connect: imapSourceFactory({ ...dovecot.connection(), processedMailbox: 'Verwerkt' }),
      close: (s) => s.close(),
      signal: ac.signal,
      backoff: { baseMs: 100, capMs: 400 },
      onError: (err) => errors.push((err as TransportError).code),
      session: async (source) => {
        sessions += 1;
        while (!ac.signal.aborted) {
          const res = await source.fetchNew(cursor, 10);
          for (const m of res.messages) seen.push(m.uid);
          cursor = cursorAfter(res.uidValidity, res.messages, cursor?.lastUid ?? 0);
          await source.waitForMail(5_000, ac.signal);
        }
      },
    });
    await until(() => seen.length === 1);
    await dovecot.kill();
    await until(() => errors.length >= 2);
    await dovecot.restart();
    const second = await dovecot.append('INBOX', testMail());
    await until(() => seen.length === 2);
    ac.abort();
    await loop;
    expect(seen).toEqual([first, second]);
    expect(sessions).toBe(2);
    expect(new Set(errors)).toEqual(new Set(['IMAP_CONNECTION']));
  });
});

async function until(cond: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** TCP proxy that can stop forwarding without closing either side: a half-open connection. */
async function frozenProxy(targetPort: number): Promise<{ port: number; freeze(): void; close(): void }> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
    }
    client.on('data', (d) => {
      if (!frozen) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!frozen) client.write(d);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      if (!frozen) client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
