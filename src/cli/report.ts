// Read-only views of the store: status and attendee lists.
import { confirmedOf, waitlistOf } from '../core/seats.ts';
import type { DeskState, Registration } from '../core/state.ts';
import type { EventInfo } from '../core/types.ts';
import { formatDate, formatTimeRange } from '../core/format.ts';

const person = (r: Registration) => ({ name: r.name, email: r.email, organisation: r.organisation });

export function statusJson(state: DeskState, events: EventInfo[]) {
  return {
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      capacity: e.capacity,
      confirmed: confirmedOf(state, e.id).map(person),
      waitlist: waitlistOf(state, e.id).map(person),
    })),
  };
}

export function statusText(state: DeskState, events: EventInfo[]): string {
  return events
    .map((e) => {
      const confirmed = confirmedOf(state, e.id);
      const waitlist = waitlistOf(state, e.id);
      const undeliverable = confirmed.filter((r) => r.undeliverable).length;
      return [
        `${e.id}  ${e.title}`,
        `  ${formatDate(e.start, 'nl')}, ${formatTimeRange(e.start, e.end, 'nl')}, ${e.location}`,
        `  seats: ${confirmed.length}/${e.capacity} taken, waitlist: ${waitlist.length}${e.closed ? ', registration closed' : ''}${undeliverable ? `, undeliverable: ${undeliverable}` : ''}`,
      ].join('\n');
    })
    .join('\n\n');
}

export { attendeeCsv, csvField } from '../core/attendee-csv.ts';

export function attendeeText(state: DeskState, event: EventInfo): string {
  const line = (r: Registration, n: number) => `${String(n).padStart(3)}. ${r.name ?? '(no name)'} <${r.email ?? r.phone ?? '-'}>${r.organisation ? `, ${r.organisation}` : ''}${r.undeliverable ? '  [undeliverable]' : ''}`;
  const confirmed = confirmedOf(state, event.id);
  const waitlist = waitlistOf(state, event.id);
  return [
    `${event.title} — ${confirmed.length}/${event.capacity}`,
    ...confirmed.map((r, i) => line(r, i + 1)),
    waitlist.length ? `Waitlist (${waitlist.length}):` : '',
    ...waitlist.map((r, i) => line(r, i + 1)),
  ].filter(Boolean).join('\n');
}
