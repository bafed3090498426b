// A few days before each event every confirmed attendee gets one reminder with the practical details and
// the easy way out ("reply 'afmelden'"), so a seat nobody will use goes to the waitlist in time.
import { type Draft, NO_THREAD } from './draft.ts';
import { confirmedOf } from './seats.ts';
import type { Registration } from './state.ts';
import type { EventInfo } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function needsReminder(r: Registration, remindFrom: number): boolean {
  if (r.remindedAt || !r.email || r.undeliverable) return false;
  // Confirmed (signed up or promoted) after the reminder moment: their confirmation is fresh enough.
  return Date.parse(r.updatedAt) < remindFrom;
}

/** Queues the reminders that are due now; each registration is reminded once (recorded in the state). */
export function dueReminders(draft: Draft, events: EventInfo[], reminderDays: number): Registration[] {
  const now = draft.cause.now.getTime();
  const reminded: Registration[] = [];
  for (const event of events) {
    const start = Date.parse(event.start);
    const remindFrom = start - reminderDays * DAY_MS;
    if (now < remindFrom || now >= start) continue;
    for (const r of confirmedOf(draft.state, event.id).filter((c) => needsReminder(c, remindFrom))) {
      draft.reply('reminder', { name: r.name, address: r.email! }, r.language, NO_THREAD, {
        eventId: event.id,
        registrationId: r.id,
        vars: { attendee: r.name ?? '' },
      });
      draft.push({ type: 'mark-reminded', registrationId: r.id });
      reminded.push(r);
    }
  }
  return reminded;
}
