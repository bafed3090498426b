import type { DeskState } from './state.ts';
import type { EventInfo } from './types.ts';

/** Events as the organiser last set them: the file, plus capacity/closed changes made by mail or CLI. */
export function effectiveEvents(events: EventInfo[], state: DeskState): EventInfo[] {
  return events.map((e) => ({ ...e, ...(state.eventOverrides[e.id] ?? {}) }));
}

export function registrationOpen(event: EventInfo, now: Date): boolean {
  if (event.closed) return false;
  const t = now.getTime();
  if (t >= Date.parse(event.start)) return false;
  if (event.registrationDeadline && t >= Date.parse(event.registrationDeadline)) return false;
  return true;
}

export function upcoming(events: EventInfo[], now: Date): EventInfo[] {
  return events
    .filter((e) => Date.parse(e.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** A signup that names no event is for the next session still taking registrations (the one announced). */
export function defaultSignupEvent(events: EventInfo[], now: Date): EventInfo | null {
  return upcoming(events, now).find((e) => registrationOpen(e, now)) ?? upcoming(events, now)[0] ?? null;
}
