// The send round: each reply is journaled as it is accepted, and what the disk does afterwards never
// makes a sent reply look unsent (it would be sent again).
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/core/state.ts';
import { type Logger } from '../../src/shell/log.ts';
import type { MailSender, OutgoingRaw } from '../../src/transport/types.ts';
import { sendItems } from '../../src/worker/outbox.ts';

function item(n: number): OutboxItem {
  return {
    id: `m${n}@aanmeldbot.example.test`, spec: { to: { name: null, address: `p${n}@example.org` }, kind: 'confirmed' } as OutboxItem['spec'],
    raw: Buffer.from(`Subject: ${n}\r\n\r\nx\r\n`).toString('base64'), envelope: { from: 'info@example.test', to: [`p${n}@example.org`] },
    status: 'queued', attempts: 0, nextAttemptAt: null, lastError: null, sentAt: null, copied: false, cause: 'c', createdAt: '2026-11-27T00:00:00.000Z',
  };
}

class CountingSender implements MailSender {
  sent: string[] = [];
  async send(mail: OutgoingRaw): Promise<void> {
    await new Promise((r) => setImmediate(r));
    this.sent.push(mail.messageId);
  }
  async close(): Promise<void> {}
}

function recordingLog(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info() {}, warn() {}, error: (event) => void errors.push(event) };
}

describe('a send round', () => {
  it('journals every accepted reply, in order of acceptance, before its result counts', async () => {
    const sender = new CountingSender();
    const journal: string[] = [];
    const results = await sendItems([1, 2, 3, 4, 5, 6, 7].map(item), {
      sender, keepForCopy: false, now: () => new Date(), log: recordingLog(),
      recordSent: async (id) => void journal.push(id),
    });
    expect(journal).toEqual(sender.sent);
    expect([...results.values()].map((o) => o.status)).toEqual(Array(7).fill('sent'));
  });

  it('keeps every reply of the round sent when the journal fails, and says so in the log', async () => {
    const sender = new CountingSender();
    const log = recordingLog();
    let calls = 0;
    const results = await sendItems([1, 2, 3, 4, 5, 6].map(item), {
      sender, keepForCopy: false, now: () => new Date(), log,
      recordSent: async () => {
        if (++calls % 2 === 0) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      },
    });
    expect(sender.sent).toHaveLength(6);
    expect([...results.values()].every((o) => o.status === 'sent')).toBe(true);
    expect(log.errors).toEqual(['journal-write-failed', 'journal-write-failed', 'journal-write-failed']);
  });
});
