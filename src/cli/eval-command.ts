// `aanmeldbot eval [DIR]`: classify every NNN-name.eml in DIR against its NNN-name.json and print
// per-field accuracy, the intent confusion matrix and classify time (median/max).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventInfo, InboundMessage, Intent } from '../core/types.ts';
import { parseMail } from '../mail/parse.ts';
import { classify, type ClassifyOptions } from '../understand/classify.ts';
import { defaultClassifyOptions } from './classify-command.ts';

export interface ExpectedAttendee {
  name: string | null;
  email: string | null;
  organisation: string | null;
}

export interface Expected {
  intent: Intent;
  language: 'nl' | 'en';
  attendees: ExpectedAttendee[];
  event: string | null;
}

export interface Fixture {
  name: string;
  emlPath: string;
  expected: Expected;
}

/** Every NNN-name.eml in `dir` with its NNN-name.json, in name order. */
export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.eml'.length);
      return { name, emlPath: join(dir, f), expected: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Expected };
    });
}

const INTENTS: Intent[] = ['signup', 'cancel', 'other', 'automatic'];
const FIELDS = ['intent', 'language', 'attendee emails', 'attendee names', 'attendee organisations', 'event', 'all'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Addresses compared without letter case: "E.Thwaites@tudelft.nl" and "e.thwaites@tudelft.nl" reach the
 * same person at every provider we know, and the desk keeps addresses in lower case.
 */
function emails(list: ExpectedAttendee[]): string {
  return JSON.stringify(list.map((a) => a.email?.toLowerCase() ?? null));
}

function fieldResults(expected: Expected, got: Expected): Record<Field, boolean> {
  const r = {
    intent: got.intent === expected.intent,
    language: got.language === expected.language,
    'attendee emails': emails(got.attendees) === emails(expected.attendees),
    'attendee names': JSON.stringify(got.attendees.map((a) => a.name)) === JSON.stringify(expected.attendees.map((a) => a.name)),
    'attendee organisations': JSON.stringify(got.attendees.map((a) => a.organisation)) === JSON.stringify(expected.attendees.map((a) => a.organisation)),
    event: got.event === expected.event,
    all: false,
  };
  r.all = r.intent && r.language && r['attendee emails'] && r['attendee names'] && r['attendee organisations'] && r.event;
  return r;
}

function median(sorted: number[]): number {
  if (!sorted.length) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function pct(n: number, total: number): string {
  return `${n}/${total} (${total ? ((100 * n) / total).toFixed(1) : '0.0'}%)`;
}

/** Classify `msg` and report the time it took, in milliseconds. */
export function timedClassify(msg: InboundMessage, events: EventInfo[], opts: ClassifyOptions): { got: Expected; ms: number } {
  const start = performance.now();
  const c = classify(msg, events, opts);
  const ms = performance.now() - start;
  const attendees = c.attendees.map((a) => ({ name: a.name, email: a.email, organisation: a.organisation }));
  return { got: { intent: c.intent, language: c.language, attendees, event: c.event }, ms };
}

export async function evalCommand(dir: string, events: EventInfo[], opts: ClassifyOptions = defaultClassifyOptions()): Promise<number> {
  const fixtures = loadFixtures(dir);
  const correct = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const confusion = new Map<string, number>();
  const times: number[] = [];
  const misses: string[] = [];
  for (const fx of fixtures) {
    const msg = await parseMail(readFileSync(fx.emlPath));
    const { got, ms } = timedClassify(msg, events, opts);
    times.push(ms);
    const r = fieldResults(fx.expected, got);
    for (const f of FIELDS) if (r[f]) correct[f]++;
    const key = `${fx.expected.intent}>${got.intent}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    const wrong = FIELDS.filter((f) => f !== 'all' && !r[f]);
    if (wrong.length) misses.push(`  ${fx.name}: ${wrong.map((f) => `${f} expected ${JSON.stringify(pick(fx.expected, f))} got ${JSON.stringify(pick(got, f))}`).join('; ')}`);
  }
  const out: string[] = [`fixtures: ${fixtures.length} in ${dir}`, '', 'accuracy per field:'];
  for (const f of FIELDS) out.push(`  ${f.padEnd(24)} ${pct(correct[f], fixtures.length)}`);
  out.push('', 'intent confusion (rows expected, columns classified):', `  ${''.padEnd(10)}${INTENTS.map((i) => i.padStart(10)).join('')}`);
  for (const row of INTENTS) out.push(`  ${row.padEnd(10)}${INTENTS.map((col) => String(confusion.get(`${row}>${col}`) ?? 0).padStart(10)).join('')}`);
  times.sort((a, b) => a - b);
  out.push('', `classify time per message: median ${median(times).toFixed(2)} ms, max ${(times[times.length - 1] ?? 0).toFixed(2)} ms`);
  if (misses.length) out.push('', `differences (${misses.length}):`, ...misses);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function pick(e: Expected, f: Field): unknown {
  switch (f) {
    case 'attendee emails':
      return e.attendees.map((a) => a.email);
    case 'attendee names':
      return e.attendees.map((a) => a.name);
    case 'attendee organisations':
      return e.attendees.map((a) => a.organisation);
    case 'intent':
    case 'language':
    case 'event':
      return e[f];
    default:
      return null;
  }
}
