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

/** RFC 4180 field quoting; a leading =,+,-,@ is prefixed so Excel never runs a cell as a formula. */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function attendeeCsv(state: DeskState, event: EventInfo): string {
  const header = ['status', 'position', 'name', 'email', 'organisation', 'phone', 'source', 'registered_at', 'undeliverable'];
  const row = (r: Registration, position: number) =>
    [r.status, position, r.name, r.email, r.organisation, r.phone, r.source, r.createdAt, r.undeliverable ? 'yes' : ''].map(csvField).join(',');
  const lines = [...confirmedOf(state, event.id).map((r, i) => row(r, i + 1)), ...waitlistOf(state, event.id).map((r, i) => row(r, i + 1))];
  // A UTF-8 byte order mark makes Excel read the names' accents right.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

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
