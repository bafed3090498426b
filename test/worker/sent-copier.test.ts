import { describe, expect, it } from 'vitest';
import { emptyState, type OutboxItem } from '../../src/core/state.ts';
import { silentLogger } from '../../src/shell/log.ts';
import type { OutgoingRaw, SentCopies } from '../../src/transport/types.ts';
import { SentCopier } from '../../src/worker/sent-copier.ts';

class FolderInMemory implements SentCopies {
  saved: string[] = [];
  searched: string[] = [];
  async save(mail: OutgoingRaw): Promise<void> {
    this.saved.push(mail.messageId);
  }
  async saveOnce(mail: OutgoingRaw): Promise<boolean> {
    this.searched.push(mail.messageId);
    this.saved.push(mail.messageId);
    return true;
  }
}

const sentItem = (id: string): OutboxItem => ({
  id, spec: {} as OutboxItem['spec'], raw: null, envelope: { from: 'info@x', to: ['p@x'] }, status: 'sent', attempts: 1, nextAttemptAt: null,
  lastError: null, sentAt: 'now', copied: false, awaitingCopy: true, cause: 'c', createdAt: '2026-11-27T00:00:00.000Z',
});

describe('Sent copies', () => {
  it('copy bytes sent by this process as they are, and rebuild (then search first) what an earlier process sent', async () => {
    const folder = new FolderInMemory();
    const copier = new SentCopier(folder, silentLogger, async () => Buffer.from('rebuilt'));
    copier.offer('fresh@x', Buffer.from('sent now'));
    copier.kick({ ...emptyState('s'), outbox: [sentItem('fresh@x'), sentItem('old@x')] });
    await copier.idle();
    expect(folder.saved).toEqual(['fresh@x', 'old@x']);
    expect(folder.searched).toEqual(['old@x']);
    const folded = copier.fold({ ...emptyState('s'), outbox: [sentItem('fresh@x'), sentItem('old@x')] });
    expect(folded.outbox.map((o) => [o.copied, o.awaitingCopy])).toEqual([[true, false], [true, false]]);
  });

  it('skip a copy the current state no longer wants (the person was erased meanwhile)', async () => {
    const folder = new FolderInMemory();
    const copier = new SentCopier(folder, silentLogger, async () => Buffer.from('x'), (id) => id !== 'erased@x');
    copier.offer('erased@x', Buffer.from('with their name'));
    copier.kick({ ...emptyState('s'), outbox: [sentItem('erased@x'), sentItem('kept@x')] });
    await copier.idle();
    expect(folder.saved).toEqual(['kept@x']);
  });
});
