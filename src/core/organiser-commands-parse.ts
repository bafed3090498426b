// Reads organisers' mail commands ("lijst sessie 2", "voeg toe Henk Visser <henk@x.nl>", "capacity
// session 2 50"). Conservative on purpose: a line is a command only when the whole line fits a command's
// shape, so a phone registration or an ordinary question never becomes one by accident.
import type { EventInfo, Language } from './types.ts';

/** An event the organiser named: resolved to an id, or the words we could not place. */
export type EventRef = { id: string } | { unknown: string } | null;

export type OrganiserCommand =
  | { type: 'list'; event: EventRef }
  | { type: 'add'; name: string | null; email: string; organisation: string | null; event: EventRef }
  | { type: 'remove'; email: string; event: EventRef }
  | { type: 'capacity'; event: EventRef; capacity: number }
  | { type: 'close'; event: EventRef }
  | { type: 'reopen'; event: EventRef };

export interface ParsedCommands {
  /** the language of the first command word: the answer is written in it */
  language: Language;
  commands: OrganiserCommand[];
}

/** More lines than this in one mail is not a list of commands but a text. */
const MAX_COMMANDS_PER_MAIL = 20;
const MAX_LINE_CHARS = 200;

const EMAIL = String.raw`<?([^\s<>@"]+@[^\s<>@"]+\.[a-z]{2,})>?`;
/** "sessie 2", "sessie-2", "session 2", "kennissessie 2", or an event id from the events file. */
const EVENT = String.raw`((?:kennis)?sessie[\s-]*\d+|session[\s-]*\d+|[a-z0-9][a-z0-9-]*-\d+|[a-z0-9][a-z0-9-]*)`;
/** "Henk Visser", "Henk Visser (Buurtwarmte Zuid)", '"Visser, Henk"' before the address. */
const NAME = String.raw`(?:("[^"]+"|[^<>@"\n]+?)\s+)?`;

interface Shape {
  language: Language;
  pattern: RegExp;
  build: (m: RegExpMatchArray, event: (words: string | undefined) => EventRef) => OrganiserCommand | null;
}

const line = (body: string) => new RegExp(`^${body}$`, 'i');

const SHAPES: Shape[] = [
  { language: 'nl', pattern: line(String.raw`(?:deelnemers)?lijst(?:\s+(?:van|voor))?(?:\s+${EVENT})?`), build: (m, ev) => ({ type: 'list', event: ev(m[1]) }) },
  { language: 'en', pattern: line(String.raw`(?:list|attendees)(?:\s+(?:of|for))?(?:\s+${EVENT})?`), build: (m, ev) => ({ type: 'list', event: ev(m[1]) }) },
  { language: 'nl', pattern: line(String.raw`voeg\s+toe:?\s+${NAME}${EMAIL}(?:\s+(?:aan|voor|bij))?(?:\s+${EVENT})?`), build: (m, ev) => addCommand(m[1], m[2]!, ev(m[3])) },
  { language: 'nl', pattern: line(String.raw`voeg\s+${NAME}${EMAIL}\s+toe(?:\s+(?:aan|voor|bij)\s+${EVENT})?`), build: (m, ev) => addCommand(m[1], m[2]!, ev(m[3])) },
  { language: 'en', pattern: line(String.raw`add:?\s+${NAME}${EMAIL}(?:\s+(?:to|for))?(?:\s+${EVENT})?`), build: (m, ev) => addCommand(m[1], m[2]!, ev(m[3])) },
  { language: 'nl', pattern: line(String.raw`(?:verwijder|schrap):?\s+${EMAIL}(?:\s+(?:uit|van|voor|bij))?(?:\s+${EVENT})?`), build: (m, ev) => ({ type: 'remove', email: m[1]!.toLowerCase(), event: ev(m[2]) }) },
  { language: 'nl', pattern: line(String.raw`meld\s+${EMAIL}\s+af(?:\s+(?:voor|van|bij)\s+${EVENT})?`), build: (m, ev) => ({ type: 'remove', email: m[1]!.toLowerCase(), event: ev(m[2]) }) },
  { language: 'en', pattern: line(String.raw`remove:?\s+${EMAIL}(?:\s+(?:from|for))?(?:\s+${EVENT})?`), build: (m, ev) => ({ type: 'remove', email: m[1]!.toLowerCase(), event: ev(m[2]) }) },
  { language: 'nl', pattern: line(String.raw`capaciteit(?:\s+(?:van|voor))?\s+${EVENT}(?:\s*[:=]|\s+(?:naar|op|wordt))?\s+(\d{1,5})`), build: (m, ev) => capacity(ev(m[1]), m[2]!) },
  { language: 'en', pattern: line(String.raw`capacity(?:\s+(?:of|for))?\s+${EVENT}(?:\s*[:=]|\s+(?:to|is))?\s+(\d{1,5})`), build: (m, ev) => capacity(ev(m[1]), m[2]!) },
  { language: 'nl', pattern: line(String.raw`sluit(?:\s+(?:de\s+)?(?:aanmelding|aanmeldingen|inschrijving)(?:\s+(?:voor|van))?)?\s+${EVENT}`), build: (m, ev) => ({ type: 'close', event: ev(m[1]) }) },
  { language: 'en', pattern: line(String.raw`close(?:\s+(?:the\s+)?registrations?(?:\s+(?:for|of))?)?\s+${EVENT}`), build: (m, ev) => ({ type: 'close', event: ev(m[1]) }) },
  { language: 'nl', pattern: line(String.raw`heropen(?:\s+(?:de\s+)?(?:aanmelding|aanmeldingen|inschrijving)(?:\s+(?:voor|van))?)?\s+${EVENT}`), build: (m, ev) => ({ type: 'reopen', event: ev(m[1]) }) },
  { language: 'en', pattern: line(String.raw`re-?open(?:\s+(?:the\s+)?registrations?(?:\s+(?:for|of))?)?\s+${EVENT}`), build: (m, ev) => ({ type: 'reopen', event: ev(m[1]) }) },
];

function addCommand(rawName: string | undefined, email: string, event: EventRef): OrganiserCommand {
  const unquoted = rawName?.replace(/^"|"$/g, '').trim() ?? '';
  const org = unquoted.match(/^(.*?)\s*\(([^()]+)\)$/);
  const name = (org ? org[1]! : unquoted).trim();
  return { type: 'add', name: name || null, email: email.toLowerCase(), organisation: org ? org[2]!.trim() : null, event };
}

/** Capacities above this are typing errors, not rooms. */
const MAX_CAPACITY = 10_000;

function capacity(event: EventRef, digits: string): OrganiserCommand | null {
  const n = Number(digits);
  return n <= MAX_CAPACITY ? { type: 'capacity', event, capacity: n } : null;
}

/**
 * "sessie 2" → the event numbered 2 (or with id sessie-2); an exact id matches too. Words that look like
 * an event but are none come back as unknown (answered with the known ids); other words are no event,
 * and then the line is no command.
 */
function eventResolver(events: EventInfo[]): (words: string | undefined) => EventRef | undefined {
  return (words) => {
    if (words === undefined) return null;
    const w = words.toLowerCase().replace(/\s+/g, ' ');
    const exact = events.find((e) => e.id.toLowerCase() === w);
    if (exact) return { id: exact.id };
    const numbered = w.match(/^(?:kennis)?(?:sessie|session)[\s-]*(\d+)$/);
    if (numbered) {
      const n = Number(numbered[1]);
      const e = events.find((x) => x.number === n) ?? events.find((x) => x.id === `sessie-${n}`);
      return e ? { id: e.id } : { unknown: words };
    }
    return /-\d+$/.test(w) ? { unknown: words } : undefined;
  };
}

function parseLine(text: string, events: EventInfo[]): { language: Language; command: OrganiserCommand } | null {
  const clean = text.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  if (!clean || clean.length > MAX_LINE_CHARS) return null;
  const resolve = eventResolver(events);
  for (const shape of SHAPES) {
    const m = clean.match(shape.pattern);
    if (!m) continue;
    let placeable = true;
    const command = shape.build(m, (words) => {
      const ref = resolve(words);
      if (ref === undefined) placeable = false;
      return ref ?? null;
    });
    if (command && placeable) return { language: shape.language, command };
  }
  return null;
}

/** "Hoi," / "Hallo bot," / "Dear desk,": a greeting may come before the commands. */
const GREETING = /^(hoi|hallo|hi|hey|hello|beste|dear|goedemorgen|goedemiddag|good morning)\b[^.!?]{0,30}[,!]?$/i;
/** Subjects of replies and forwards are someone else's words. */
const NOT_OWN_SUBJECT = /^\s*(re|fw|fwd|antw|aw|doorst)\s*:/i;

/**
 * The commands at the top of the body (after an optional greeting), or else the subject as one command.
 * Reading stops at the first line that is no command: signatures and remarks below are the organiser's.
 */
export function parseOrganiserCommands(ownText: string, subject: string, events: EventInfo[]): ParsedCommands | null {
  const lines = ownText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] && GREETING.test(lines[0])) lines.shift();
  const found: { language: Language; command: OrganiserCommand }[] = [];
  for (const l of lines.slice(0, MAX_COMMANDS_PER_MAIL)) {
    const parsed = parseLine(l, events);
    if (!parsed) break;
    found.push(parsed);
  }
  if (found.length === 0 && !NOT_OWN_SUBJECT.test(subject)) {
    const parsed = parseLine(subject, events);
    if (parsed) found.push(parsed);
  }
  return found.length ? { language: found[0]!.language, commands: found.map((f) => f.command) } : null;
}
