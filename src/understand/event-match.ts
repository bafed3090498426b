// Which event a mail names: by number ("sessie 3", "de derde sessie"), topic words, or date ("11 februari",
// "11-2", "February 11"). Only a mail that names exactly one event gets an event.
import type { EventInfo } from '../core/types.ts';
import { amsterdamDay } from '../core/local-day.ts';
import { fold } from './text.ts';

const NUMBER_WORDS: Record<string, number> = {
  twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
};
const ORDINALS: Record<string, number> = {
  eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5, zesde: 6, first: 1, second: 2, third: 3, fourth: 4,
  fifth: 5, sixth: 6, '1e': 1, '2e': 2, '3e': 3, '4e': 4, '5e': 5, '1ste': 1, '2de': 2, '3de': 3, '4de': 4,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, augustus: 8,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, october: 10, okt: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** Days written out, as a voicemail is typed up: "de sessie van elf februari". */
const DAY_WORDS: Record<string, number> = {
  een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19, twintig: 20,
  eleventh: 11, fourteenth: 14, eighth: 8, eleven: 11, fourteen: 14, eight: 8,
};
const DAY_WORD_MONTH = new RegExp(`\\b(${Object.keys(DAY_WORDS).join('|')})(?:de|ste)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\b`, 'g');

/** Words of a series title that name the series, not one event of it. */
const SERIES_WORDS = new Set(['kennissessie', 'kennissessies', 'sessie', 'warmtetransitie', 'warmte', 'wijk', 'duurzame', 'gemeente']);
/** Title words shorter than this are too common to name an event ("van", "de", "een"). */
const MIN_TITLE_WORD_CHARS = 6;

/**
 * "onze coöperatie", "my participation": a topic word someone owns is about them, not the session
 * ("ledenvergadering van onze coöperatie", "I must cancel my participation").
 */
const OWNED = /\b(?:mijn|m'n|onze|ons|uw|hun|zijn|haar|my|our|your|their|his|her)\s+(?:[a-z-]+\s+)?$/;
const OWNED_LOOKBACK_CHARS = 30;
/** "die van maart", "donderdag de 14e", "the one in March": the month or day alone says which. */
// A few words may stand between: "the one on organisational forms in April", "die over de businesscase in maart".
const THAT_OF_MONTH = () => new RegExp(`\\b(?:die|degene|the one|the session|de sessie|de bijeenkomst)\\b(?: [^\\s.,;?!]+){0,5}? (?:van|in|of|on|op) (${MONTH_NAMES})\\b`, 'g');
const DAY_ONLY = /\b(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|ma|di|wo|do|vr|thursday|thu)\s+)?(?:de|the)\s+(\d{1,2})(?:e|ste|de|th|st|nd|rd)\b(?!\s*(?:(?:kennis)?sessies?|bijeenkomst|sessions?|keer|ronde|editie|plaats|helft|time|round|place))/g;

const BARE_NUMBER_LIST = new RegExp(`\\b(?:voor|for|aan|bij) \\d(?:\\s*(?:,|en|and|&)\\s*\\d)+\\b(?!\\s*(?:${MONTH_NAMES}|[-/.:]\\d|uur|u\\b|personen|mensen|plekken|people|persons|seats|places))`, 'g');
const SESSION = '(?:kennis)?sessies?|bijeenkomst(?:en)?|sessions?|meetings?|workshops?';
const NUMBERED = new RegExp(`\\b(?:${SESSION})\\s*(?:nr\\.?|nummer|no\\.?|#)?\\s*(\\d{1,2}|twee|drie|vier|vijf|zes|one|two|three|four|five|six)\\b(?!\\s*(?:${MONTH_NAMES})\\b|[-/.:]\\d)((?:\\s*(?:,|en|and|&|of|or)\\s*\\d{1,2}\\b)*)`, 'g');
const ORDINAL = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\s+(?:${SESSION})\\b`, 'g');
const LAST = new RegExp(`\\b(laatste|last|final)\\s+(?:${SESSION})\\b`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:e|ste|de|th|st|nd|rd)?\\s*(?:van\\s+|of\\s+)?(${MONTH_NAMES})\\b`, 'g');
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[:.]\\d)`, 'g');
const NUMERIC_DATE = /(?<![\d\-/.])(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?(?![\d\-/.]*\d)/g;
const ISO_DATE = /\b(20\d\d)-(\d\d)-(\d\d)\b/g;
/** "the January session", "de sessie in februari", "session in March": a month names the event held in it. */
const MONTH_SESSION = new RegExp(`\\b(${MONTH_NAMES})[- ]?(?:${SESSION}|one|edition|editie)\\b|\\b(?:${SESSION})\\s+(?:in|van|of|op)\\s+(?:(?:begin|eind|half|medio|early|late|mid)\\s+)?(${MONTH_NAMES})\\b`, 'g');

/** "alle vier sessies", "de hele serie", "all sessions": every event at once. */
const ALL_SESSIONS = new RegExp(`\\ball(?:e)?\\s+(?:(?:\\d|twee|drie|vier|vijf|zes|two|three|four|five|six)\\s+)?(?:de\\s+|the\\s+)?(?:${SESSION})\\b|\\b(?:de hele|heel de|the whole|the entire|complete)\\s+(?:serie|reeks|series)\\b|\\b(?:de )?rest van de (?:serie|reeks|sessies|bijeenkomsten)\\b|\\bde (?:overige|resterende|andere) (?:sessies|bijeenkomsten)\\b|\\bthe (?:rest of the|remaining|other) (?:sessions|series)\\b`);

interface Mention {
  at: number;
  id: string;
  /** by number, date or month; a topic word is weaker ("onze coöperatie" next to "11 februari") */
  explicit: boolean;
}

function localDate(event: EventInfo): { month: number; day: number } | null {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(event.start);
  return m ? { month: Number(m[1]), day: Number(m[2]) } : null;
}

function numberOf(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/**
 * Words that name one event. The organiser's keywords are chosen for that; title words are used only for
 * events without keywords, and only when no other title has them (titles share words like "initiatief").
 */
function topicWords(events: EventInfo[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const event of events) {
    const words = fold(event.title).split(/[^a-z0-9]+/).filter((w) => w.length >= MIN_TITLE_WORD_CHARS && !SERIES_WORDS.has(w));
    for (const w of words) (owners.get(w) ?? owners.set(w, new Set()).get(w)!).add(event.id);
  }
  const out = new Map<string, string>();
  for (const event of events) {
    const keywords = (event.keywords ?? []).map((k) => fold(k).trim()).filter(Boolean);
    if (keywords.length) for (const k of keywords) out.set(k, event.id);
    else for (const [word, ids] of owners) if (ids.size === 1 && ids.has(event.id)) out.set(word, event.id);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every event the text names, in order of first mention. */
export function eventsNamed(text: string, events: EventInfo[]): string[] {
  const t = fold(text);
  const mentions: Mention[] = [];
  const byNumber = (n: number | null, at: number) => {
    const event = n === null ? undefined : events.find((e) => e.number === n);
    if (event) mentions.push({ at, id: event.id, explicit: true });
  };
  const byDate = (day: number, month: number, at: number) => {
    const event = events.find((e) => {
      const d = localDate(e);
      return d !== null && d.day === day && d.month === month;
    });
    if (event) mentions.push({ at, id: event.id, explicit: true });
  };
  for (const m of t.matchAll(NUMBERED)) {
    byNumber(numberOf(m[1]!), m.index);
    for (const more of (m[2] ?? '').matchAll(/\d{1,2}/g)) byNumber(Number(more[0]), m.index);
  }
  for (const m of t.matchAll(ORDINAL)) byNumber(ORDINALS[m[1]!] ?? null, m.index);
  const highest = Math.max(...events.map((e) => e.number ?? 0));
  for (const m of t.matchAll(LAST)) byNumber(highest > 0 ? highest : null, m.index);
  for (const m of t.matchAll(DAY_MONTH)) byDate(Number(m[1]), MONTHS[m[2]!]!, m.index);
  for (const m of t.matchAll(MONTH_DAY)) byDate(Number(m[2]), MONTHS[m[1]!]!, m.index);
  for (const m of t.matchAll(DAY_WORD_MONTH)) byDate(DAY_WORDS[m[1]!]!, MONTHS[m[2]!]!, m.index);
  for (const m of t.matchAll(NUMERIC_DATE)) byDate(Number(m[1]), Number(m[2]), m.index);
  for (const m of t.matchAll(ISO_DATE)) byDate(Number(m[3]), Number(m[2]), m.index);
  for (const m of t.matchAll(MONTH_SESSION)) {
    const month = MONTHS[(m[1] ?? m[2])!]!;
    const inMonth = events.filter((e) => localDate(e)?.month === month);
    if (inMonth.length === 1) mentions.push({ at: m.index, id: inMonth[0]!.id, explicit: true });
  }
  // "Kunnen jullie me ook opgeven voor 3 en 4?": bare session numbers in a list.
  for (const m of t.matchAll(BARE_NUMBER_LIST)) for (const n of m[0].match(/\d/g) ?? []) byNumber(Number(n), m.index);
  for (const m of t.matchAll(THAT_OF_MONTH())) {
    const inMonth = events.filter((e) => localDate(e)?.month === MONTHS[m[1]!]);
    if (inMonth.length === 1) mentions.push({ at: m.index, id: inMonth[0]!.id, explicit: true });
  }
  for (const m of t.matchAll(DAY_ONLY)) {
    const onDay = events.filter((e) => localDate(e)?.day === Number(m[1]));
    if (onDay.length === 1) mentions.push({ at: m.index, id: onDay[0]!.id, explicit: true });
  }
  for (const [word, id] of topicWords(events)) {
    // Whole words, plural allowed: "participatie" must not match "participatiecoalitie".
    for (const m of t.matchAll(new RegExp(`\\b${escapeRegExp(word).replace(/ /g, '\\s*')}(?:en|s|e)?\\b`, 'g'))) {
      if (OWNED.test(t.slice(Math.max(0, m.index - OWNED_LOOKBACK_CHARS), m.index))) continue;
      mentions.push({ at: m.index, id, explicit: false });
      break;
    }
  }
  const all = ALL_SESSIONS.exec(t);
  if (all) for (const e of events) mentions.push({ at: all.index, id: e.id, explicit: true });
  mentions.sort((a, b) => a.at - b.at);
  // A number or a date is what people use to say which one; a topic word may just be about themselves
  // ("verstek voor 11 februari: er is een ledenvergadering van onze coöperatie").
  const explicit = mentions.filter((m) => m.explicit);
  return [...new Set((explicit.length ? explicit : mentions).map((m) => m.id))];
}

/** The one event the text names, or null when it names none or several. */
export function matchEvent(text: string, events: EventInfo[]): string | null {
  const named = eventsNamed(text, events);
  return named.length === 1 ? named[0]! : null;
}

/** Days counted from the mail's own date: "vanmiddag" in a staff note is the session held that day. */
const RELATIVE_DAYS: [RegExp, number][] = [
  [/\b(?:overmorgen|the day after tomorrow)\b/, 2],
  [/\b(?:morgen|morgenmiddag|tomorrow)\b/, 1],
  [/\b(?:vandaag|vanmiddag|vanmorgen|vanochtend|today|this afternoon|this morning)\b/, 0],
];
const DAY_MS = 24 * 60 * 60 * 1000;

/** The event held on the day the text names relative to `sentAt` (the Date header), or null. */
export function eventOnRelativeDay(text: string, sentAt: string | null, events: EventInfo[]): string | null {
  const sent = sentAt ? Date.parse(sentAt) : NaN;
  if (Number.isNaN(sent)) return null;
  const t = fold(text);
  const offset = RELATIVE_DAYS.find(([re]) => re.test(t))?.[1];
  if (offset === undefined) return null;
  const day = amsterdamDay(new Date(sent + offset * DAY_MS));
  const held = events.filter((e) => amsterdamDay(new Date(e.start)) === day);
  return held.length === 1 ? held[0]!.id : null;
}
