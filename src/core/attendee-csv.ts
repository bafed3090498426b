// Attendee lists as CSV for Excel: used by `aanmeldbot list --csv`, the organisers' "lijst" mail and the
// daily digest.
import { confirmedOf, waitlistOf } from './seats.ts';
import type { DeskState, Registration } from './state.ts';
import type { EventInfo } from './types.ts';

const COLUMNS = ['status', 'position', 'name', 'email', 'organisation', 'phone', 'source', 'registered_at', 'undeliverable'];

/** RFC 4180 field quoting; a leading =,+,-,@ is prefixed so Excel never runs a cell as a formula. */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(state: DeskState, event: EventInfo): (string | number | null)[][] {
  const row = (r: Registration, position: number) =>
    [r.status, position, r.name, r.email, r.organisation, r.phone, r.source, r.createdAt, r.undeliverable ? 'yes' : ''];
  return [...confirmedOf(state, event.id).map((r, i) => row(r, i + 1)), ...waitlistOf(state, event.id).map((r, i) => row(r, i + 1))];
}

function csv(lines: (string | number | null)[][]): string {
  // A UTF-8 byte order mark makes Excel read the names' accents right.
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function attendeeCsv(state: DeskState, event: EventInfo): string {
  return csv([COLUMNS, ...rows(state, event)]);
}

/** Several events in one sheet, the event's id in the first column. */
export function attendeesCsv(state: DeskState, events: EventInfo[]): string {
  return csv([['event', ...COLUMNS], ...events.flatMap((e) => rows(state, e).map((r) => [e.id, ...r]))]);
}
