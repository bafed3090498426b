// When the daily digest is due. node-cron fires at DIGEST_CRON in Europe/Amsterdam (daylight saving
// included) to wake the worker at the right moment; dueDay() answers the same question at any moment, so
// a worker started after the time (a restart, a missed run) still sends that day's digest.
import cron from 'node-cron';
import { TIME_ZONE } from '../core/format.ts';
import { amsterdamDay } from '../core/local-day.ts';
import type { Logger } from './log.ts';

export const DEFAULT_DIGEST_CRON = '0 8 * * *';
const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

export class ScheduleError extends Error {
  readonly code = 'SCHEDULE_INVALID';
}

export interface DigestSchedule {
  /** today's Amsterdam date (YYYY-MM-DD) once a scheduled time today has passed, else null */
  dueDay(now: Date): string | null;
  stop(): Promise<void>;
}

/**
 * True when a time matching the schedule fell on now's Amsterdam day, at or before now. Walks back one
 * minute at a time (at most a day: 1,440 checks), at the schedule's first second.
 */
export function firedToday(matches: (at: Date) => boolean, now: Date, second: number): boolean {
  const today = amsterdamDay(now);
  let t = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS + second * SECOND_MS;
  if (t > now.getTime()) t -= MINUTE_MS;
  for (; amsterdamDay(new Date(t)) === today; t -= MINUTE_MS) {
    if (matches(new Date(t))) return true;
  }
  return false;
}

/** Starts the cron job; `onTime` runs at each scheduled time (never twice at once). */
export function scheduleDigest(expression: string, onTime: () => void | Promise<void>, log: Logger): DigestSchedule {
  if (!cron.validate(expression)) throw new ScheduleError(`DIGEST_CRON "${expression}" is not a valid cron expression`);
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await onTime();
      } catch (err) {
        log.error('digest-schedule-failed', { code: (err as { code?: string }).code ?? 'UNKNOWN', error: (err as Error).message });
      }
    },
    { timezone: TIME_ZONE, noOverlap: true, name: 'digest' },
  );
  const second = cron.parse(expression).second[0] ?? 0;
  // The worker asks every round; the walk is worth doing once a minute, not once a second.
  let cached: { minute: number; day: string | null } | null = null;
  return {
    dueDay(now) {
      const minute = Math.floor(now.getTime() / MINUTE_MS);
      if (cached?.minute !== minute) cached = { minute, day: firedToday((at) => task.match(at), now, second) ? amsterdamDay(now) : null };
      return cached.day;
    },
    stop: async () => {
      await task.destroy();
    },
  };
}
