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
