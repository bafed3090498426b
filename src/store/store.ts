import { randomBytes } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { type DeskState, emptyState, type OutboxItem, SCHEMA_VERSION } from '../core/state.ts';
import { DurableJsonFile, StoreError } from './durable-json-file.ts';
import { acquireLock } from './lock.ts';
import { SentJournal } from './sent-journal.ts';

const SECRET_BYTES = 32;

export interface Store {
  readonly state: DeskState;
  /** replace the state and write it durably */
  commit(next: DeskState): Promise<void>;
  /**
   * replace the state in memory only; the next commit writes it. For changes that are safe to lose in a
   * crash because they are journaled (sends) or repeatable (moves, Sent copies checked by Message-ID).
   */
  stage(next: DeskState): void;
  /** true when staged changes are not yet written */
  readonly dirty: boolean;
  /** record one accepted send in the journal (durable at once) */
  recordSent(messageId: string): Promise<void>;
  close(): Promise<void>;
}

function migrate(data: DeskState): DeskState {
  if (data.schemaVersion > SCHEMA_VERSION) {
    throw new StoreError('STORE_SCHEMA', `db.json has schema ${data.schemaVersion}, newer than this aanmeldbot (${SCHEMA_VERSION}); upgrade aanmeldbot`);
  }
  // Schema 1 is the first; later versions add their steps here.
  const state = { ...emptyState(data.secret), ...data, schemaVersion: SCHEMA_VERSION };
  // Before awaitingCopy existed, a pending Sent copy was a sent item that still had its bytes.
  const legacyPending = (o: OutboxItem) => o.status === 'sent' && !o.copied && o.raw !== null && o.awaitingCopy === undefined;
  if (!state.outbox.some(legacyPending)) return state;
  return { ...state, outbox: state.outbox.map((o) => (legacyPending(o) ? { ...o, awaitingCopy: true } : o)) };
}

/** Fold journaled sends into the state: the journal is newer than the last store write. */
function foldJournal(state: DeskState, sent: Set<string>, now: Date): DeskState {
  if (sent.size === 0) return state;
  return {
    ...state,
    // The worker rebuilds the bytes for the Sent copy (or clears the flag when it keeps no copies).
    outbox: state.outbox.map((o) => (sent.has(o.id) && o.status !== 'sent' ? { ...o, status: 'sent', sentAt: o.sentAt ?? now.toISOString(), raw: null, awaitingCopy: true } : o)),
  };
}

/** A kill during a durable write leaves its temp file behind; the rename never happened, so it is junk. */
async function removeStaleTempFiles(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (/^\.db\.json\.\d+\.tmp$/.test(name)) await unlink(join(dataDir, name)).catch(() => undefined);
  }
}

export async function openStore(dataDir: string, opts: { readOnly?: boolean; now?: Date } = {}): Promise<Store> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const release = opts.readOnly ? async () => undefined : await acquireLock(join(dataDir, 'db.lock'));
  try {
    if (!opts.readOnly) await removeStaleTempFiles(dataDir);
    const db = new Low<DeskState>(new DurableJsonFile<DeskState>(join(dataDir, 'db.json')), emptyState(''));
    await db.read();
    const journal = new SentJournal(join(dataDir, 'sent.journal'));
    const fresh = db.data.secret === '';
    const journaled = await journal.readAll();
    const migrated = !fresh && db.data.schemaVersion !== SCHEMA_VERSION;
    let state = fresh ? emptyState(randomBytes(SECRET_BYTES).toString('hex')) : migrate(db.data);
    state = foldJournal(state, journaled, opts.now ?? new Date());
    db.data = state;
    // Rewriting a large store costs seconds at start-up: only when there is something new to keep.
    if (!opts.readOnly && (fresh || migrated || journaled.size > 0)) {
      await db.write();
      await journal.clear();
    }
    let dirty = false;
    return {
      get state() {
        return db.data;
      },
      get dirty() {
        return dirty;
      },
      async commit(next) {
        if (opts.readOnly) throw new StoreError('STORE_IO', 'store opened read-only');
        db.data = next;
        await db.write();
        dirty = false;
      },
      stage(next) {
        db.data = next;
        dirty = true;
      },
      recordSent: (id) => journal.record(id),
      async close() {
        await journal.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}
