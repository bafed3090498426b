// What a restart after a SIGKILL finds, and must get past on its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';
import { ImapSource } from '../../src/transport/imap-source.ts';
import { startDovecot, testMail } from '../harness/dovecot.ts';

describe('restart after a kill', () => {
  it('takes over a lock left by a killed worker that had the same pid (a container restart: node is pid 1 again)', async () => {
    // In a container the worker gets the same pid on every start; a kill leaves db.lock holding it, and
    // "is that pid alive?" then answers yes: about ourselves. The worker refused to start, forever.
    const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-lock-'));
    const first = await openStore(dir);
    const secret = first.state.secret;
    await first.close();
    // The killed worker had our pid and never released its lock: the file still holds that pid.
    writeFileSync(join(dir, 'db.lock'), String(process.pid));
    const again = await openStore(dir);
    expect(again.state.secret).toBe(secret);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a lock held by another live process still keeps a second writer out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-lock-'));
    // pid 1 is alive on every Linux system and is not us (vitest runs files in worker processes).
    writeFileSync(join(dir, 'db.lock'), '1');
    if (process.pid !== 1) await expect(openStore(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('settling moves again after a kill between the IMAP MOVE and the store write is harmless', async () => {
    const dovecot = await startDovecot();
    const source = new ImapSource({ ...dovecot.connection(), processedMailbox: 'Verwerkt' });
    try {
      await source.open();
      for (let i = 0; i < 3; i++) await dovecot.append('INBOX', testMail({ messageId: `settle-${i}@example.org` }));
      const { messages } = await source.fetchNew(null, 10);
      const items = messages.map((m) => ({ sourceId: m.sourceId, uid: m.uid, disposition: 'file' as const }));
      await source.settle(items.slice(0, 2));
      // The restarted worker finds all three still pending: two are gone from INBOX already.
      await source.settle(items);
      expect(await dovecot.list('INBOX')).toHaveLength(0);
      expect(await dovecot.list('Verwerkt')).toHaveLength(3);
    } finally {
      await source.close();
      await dovecot.stop();
    }
  }, 60_000);
});
