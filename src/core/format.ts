// Dates and times are shown in Europe/Amsterdam whatever the server's zone.
import type { Language } from './types.ts';

export const TIME_ZONE = 'Europe/Amsterdam';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs about a millisecond: one per language, made on first use.
const DATE_FORMATS = new Map<Language, Intl.DateTimeFormat>();
const CLOCK_FORMATS = new Map<Language, Intl.DateTimeFormat>();

function cached(cache: Map<Language, Intl.DateTimeFormat>, language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(language);
  if (!format) cache.set(language, (format = new Intl.DateTimeFormat(LOCALE[language], { timeZone: TIME_ZONE, ...options })));
  return format;
}

export function formatDate(iso: string, language: Language): string {
  return cached(DATE_FORMATS, language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function clock(iso: string, language: Language): string {
  const text = cached(CLOCK_FORMATS, language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  // Dutch writes 13.30, not 13:30.
  return language === 'nl' ? text.replace(':', '.') : text;
}

export function formatTimeRange(startIso: string, endIso: string, language: Language): string {
  const range = `${clock(startIso, language)}–${clock(endIso, language)}`;
  return language === 'nl' ? `${range} uur` : range;
}
