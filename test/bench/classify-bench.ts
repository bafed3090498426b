// Classify time over the fixture and robot corpora, a 1 MB body, and hostile inputs meant to make
// regexes backtrack. Run: npx tsx test/bench/classify-bench.ts
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventInfo, InboundMessage } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ONE_MB = 1024 * 1024;
/** Header-like lines in the "thousands of headers" input. */
const HEADER_LIKE_LINES = 20_000;
export const OPTIONS = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

export function loadEvents(): EventInfo[] {
  return JSON.parse(readFileSync(path.join(repoRoot, 'data/events.json'), 'utf8')) as EventInfo[];
}

/** A parsed-looking message with the given body, without going through mailparser (which is not under test). */
export function messageWith(body: { text?: string; html?: string }, subject = 'Aanmelding'): InboundMessage {
  return {
    messageId: 'bench@example.nl', from: { name: 'Jan Jansen', address: 'jan@example.nl' }, replyTo: [],
    to: [{ name: '', address: 'info@hieropgewekt.nl' }], cc: [], subject, date: null, text: body.text ?? '',
    html: body.html ?? null, headers: {}, inReplyTo: null, references: [], contentType: body.html ? 'text/html' : 'text/plain',
    attachments: [], sizeBytes: (body.text ?? body.html ?? '').length, problems: [],
  };
}

/** Inputs built to hurt: each must classify in well under a second. */
export function hostileInputs(): { name: string; msg: InboundMessage }[] {
  const sentence = 'Graag meld ik mij aan voor de sessie van 11 februari, samen met mijn collega. ';
  const plainMb = `${sentence.repeat(Math.ceil(ONE_MB / sentence.length))}`.slice(0, ONE_MB);
  const headerLines = Array.from({ length: HEADER_LIKE_LINES }, (_, i) =>
    ['Van: x', 'Verzonden: y', 'From: a <a@b.nl>', 'Subject: s', 'Op 1 jan schreef iemand:', '> q'][i % 6]).join('\n');
  return [
    { name: '1 MB plain text body', msg: messageWith({ text: `Ik kom graag.\n\n${plainMb}` }) },
    { name: '1 MB HTML body', msg: messageWith({ html: `<div>Ik kom graag.</div>${'<p>tekst <b>vet</b> &amp; meer</p>'.repeat(ONE_MB / 36)}` }) },
    { name: '1 MB line of >', msg: messageWith({ text: '>'.repeat(ONE_MB) }) },
    { name: '1 MB line of -', msg: messageWith({ text: `Afmelden\n${'-'.repeat(ONE_MB)}` }) },
    { name: 'lines of > and -', msg: messageWith({ text: Array.from({ length: 20_000 }, (_, i) => (i % 2 ? '>'.repeat(50) : '-'.repeat(50))).join('\n') }) },
    { name: `${HEADER_LIKE_LINES} header-like lines`, msg: messageWith({ text: `Ik kom graag\n${headerLines}` }) },
    { name: '1 MB of < without >', msg: messageWith({ html: '<a '.repeat(ONE_MB / 3) }) },
    { name: '1 MB of href=', msg: messageWith({ html: 'href='.repeat(ONE_MB / 5) }) },
    { name: '1 MB one word', msg: messageWith({ text: 'a'.repeat(ONE_MB) }) },
    { name: '1 MB of address-like text', msg: messageWith({ text: 'a.'.repeat(ONE_MB / 4) + '@' + 'b-'.repeat(ONE_MB / 4) }) },
    { name: '1 MB of dates and numbers', msg: messageWith({ text: '11-2-'.repeat(ONE_MB / 5) }) },
    { name: '1 MB of capitalised words', msg: messageWith({ text: `mijn collega ${'Piet van '.repeat(ONE_MB / 9)}` }) },
    { name: '1 MB subject', msg: messageWith({ text: 'Hallo' }, 'Re: '.repeat(ONE_MB / 4)) },
    { name: 'repeated request words', msg: messageWith({ text: 'ik wil graag meld mij niet af aan, '.repeat(ONE_MB / 35) }) },
    { name: 'deeply nested blockquotes', msg: messageWith({ html: `${'<blockquote>'.repeat(50_000)}x${'</blockquote>'.repeat(50_000)}` }) },
  ];
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function corpusTimes(dir: string, events: EventInfo[]): Promise<{ cold: number; warm: number[] }> {
  const messages: InboundMessage[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()) messages.push(await parseMail(readFileSync(path.join(dir, file))));
  // The first pass pays for compiling regexes and JIT; the second shows the steady state the worker runs in.
  const cold = Math.max(...messages.map((msg) => timeMs(() => classify(msg, events, OPTIONS))));
  const warm = messages.map((msg) => timeMs(() => classify(msg, events, OPTIONS))).sort((a, b) => a - b);
  return { cold, warm };
}

async function main(): Promise<void> {
  const events = loadEvents();
  for (const [label, dir] of [
    ['fixtures', path.join(repoRoot, 'test/fixtures/classify')],
    ['robots', path.resolve(repoRoot, '../shared/corpus/robots')],
  ] as const) {
    const { cold, warm } = await corpusTimes(dir, events);
    console.log(`${label.padEnd(8)} ${String(warm.length).padStart(4)} mails: median ${median(warm).toFixed(2)} ms, max ${warm[warm.length - 1]!.toFixed(2)} ms (first pass max ${cold.toFixed(1)} ms)`);
  }
  for (const { name, msg } of hostileInputs()) {
    console.log(`${name.padEnd(32)} ${timeMs(() => classify(msg, events, OPTIONS)).toFixed(1).padStart(8)} ms`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
