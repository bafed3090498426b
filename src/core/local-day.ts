// Days as the organiser lives them: the digest is "today's" in Amsterdam, whatever the server's zone.
import { clock, formatDate, TIME_ZONE } from './format.ts';
import type { Language } from './types.ts';

const DAY_KEY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Amsterdam calendar date of an instant, as YYYY-MM-DD (en-CA writes ISO order). */
export function amsterdamDay(at: Date): string {
  return DAY_KEY.format(at);
}

/** "dinsdag 9 februari 2027 om 17.30 uur" / "Tuesday, 9 February 2027 at 17:30". */
export function formatMoment(iso: string, language: Language): string {
  return language === 'nl' ? `${formatDate(iso, language)} om ${clock(iso, language)} uur` : `${formatDate(iso, language)} at ${clock(iso, language)}`;
}
