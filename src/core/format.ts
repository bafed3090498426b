// Dates and times are shown in Europe/Amsterdam whatever the server's zone.
import type { Language } from './types.ts';

export const TIME_ZONE = 'Europe/Amsterdam';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function clock(iso: string, language: Language): string {
  const text = new Intl.DateTimeFormat(LOCALE[language], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  // Dutch writes 13.30, not 13:30.
  return language === 'nl' ? text.replace(':', '.') : text;
}

export function formatTimeRange(startIso: string, endIso: string, language: Language): string {
  const range = `${clock(startIso, language)}–${clock(endIso, language)}`;
  return language === 'nl' ? `${range} uur` : range;
}
