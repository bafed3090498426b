// AVG/GDPR: personal data is kept only as long as needed. RETENTION_DAYS after an event ends, its
// registrations lose names, addresses, phones and organisations; the counts stay for the organisers.
import type { Draft } from './draft.ts';
import type { EventInfo } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function purgeExpired(draft: Draft, events: EventInfo[], retentionDays: number): string[] {
  const now = draft.cause.now.getTime();
  const purged = new Set(draft.state.purgedEvents ?? []);
  const due = events.filter((e) => !purged.has(e.id) && Date.parse(e.end) + retentionDays * DAY_MS <= now);
  for (const e of due) draft.push({ type: 'purge-event', eventId: e.id });
  return due.map((e) => e.id);
}

/** Sent mail and the reply log are kept this long; the store is rewritten per batch, so its size is speed. */
export const SENT_MAIL_KEEP_MS = 2 * DAY_MS;

/**
 * Handled records (one per mail, by Message-ID) are kept this long. Mail older than this is never acted on
 * (decide.ts leaves it for people), so a record is not needed after it: without a limit they were a fifth
 * of db.json after 20,000 mails, rewritten with every batch.
 */
export const HANDLED_KEEP_MS = 90 * DAY_MS;

/** Queues a prune when there is sent mail older than SENT_MAIL_KEEP_MS, reply-log entries older than a day, or handled records older than HANDLED_KEEP_MS. */
export function pruneStore(draft: Draft): boolean {
  const now = draft.cause.now.getTime();
  const sentBefore = new Date(now - SENT_MAIL_KEEP_MS).toISOString();
  const handledBefore = new Date(now - HANDLED_KEEP_MS).toISOString();
  const oldMail = draft.state.outbox.some((o) => o.status === 'sent' && !o.awaitingCopy && (o.sentAt ?? '') < sentBefore);
  const oldLog = Object.values(draft.state.replyLog).some((times) => times.some((t) => now - Date.parse(t) >= DAY_MS));
  const oldHandled = Object.values(draft.state.handled).some((h) => h.at < handledBefore);
  if (!oldMail && !oldLog && !oldHandled) return false;
  draft.push({ type: 'prune', sentBefore, handledBefore });
  return true;
}
