import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';
import type { OutboxItem } from '../../src/core/state.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'aanmeldbot-store-'));

describe('the store', () => {
  it('creates db.json readable by its owner only, with a schema version and a secret', async () => {
    const dir = tmp();
    const store = await openStore(dir);
    await store.close();
    const mode = statSync(join(dir, 'db.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    const data = JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8'));
    expect(data.schemaVersion).toBe(1);
    expect(data.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps its secret across restarts and allows one writer only', async () => {
    const dir = tmp();
    const first = await openStore(dir);
    const secret = first.state.secret;
    await expect(openStore(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    await first.close();
    const second = await openStore(dir);
    expect(second.state.secret).toBe(secret);
    await second.close();
  });

  it('folds journaled sends into the state after a crash between SMTP and the store write', async () => {
    const dir = tmp();
    const store = await openStore(dir);
    const item = { id: 'a@b', status: 'queued', raw: 'eA==', spec: {} } as unknown as OutboxItem;
    await store.commit({ ...store.state, outbox: [item] });
    await store.recordSent('a@b');
    // A SIGKILL here: the lock file stays behind with our pid, which a new process treats as stale.
    writeFileSync(join(dir, 'db.lock'), '999999');
    await store.close();
    writeFileSync(join(dir, 'db.lock'), '999999');
    const reopened = await openStore(dir);
    expect(reopened.state.outbox[0]!.status).toBe('sent');
    // Its Sent copy is still to be made, from bytes rebuilt by the worker; the store keeps no bodies of sent mail.
    expect(reopened.state.outbox[0]!.awaitingCopy).toBe(true);
    expect(reopened.state.outbox[0]!.raw).toBeNull();
    expect(readFileSync(join(dir, 'sent.journal'), 'utf8')).toBe('');
    await reopened.close();
  });

  it('reads a store written before awaitingCopy existed: a sent item that kept its bytes still gets its Sent copy', async () => {
    const dir = tmp();
    const store = await openStore(dir);
    const legacy = [
      { id: 'pending@b', status: 'sent', raw: 'eA==', copied: false, spec: {} },
      { id: 'copied@b', status: 'sent', raw: null, copied: true, spec: {} },
      { id: 'queued@b', status: 'queued', raw: 'eA==', copied: false, spec: {} },
    ] as unknown as OutboxItem[];
    await store.commit({ ...store.state, outbox: legacy });
    await store.close();
    const reopened = await openStore(dir);
    expect(reopened.state.outbox.map((o) => [o.id, o.awaitingCopy ?? false])).toEqual([['pending@b', true], ['copied@b', false], ['queued@b', false]]);
    await reopened.close();
  });

  it('refuses a corrupt file with a clear code instead of starting empty', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'db.json'), '{"schemaVersion": 1, "regis');
    await expect(openStore(dir)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });
});
