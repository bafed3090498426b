// Per-step CPU cost of handling one signup, in-process and warm, to see where a rush's time goes:
// parse (mailparser), classify, decide+apply, compose (the reply's bytes), store stringify, and the SMTP
// send path of nodemailer against a real smtp-server sink in another process.
// Run: npx tsx test/bench/steps.ts   Env: STEPS_N (2000)
import { performance } from 'node:perf_hooks';
import { effectiveEvents } from '../../src/core/events.ts';
import type { DeskState } from '../../src/core/state.ts';
import { emptyState } from '../../src/core/state.ts';
import { classify } from '../../src/understand/classify.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { silentLogger } from '../../src/shell/log.ts';
import { TEMPLATES_DIR } from '../../src/shell/paths.ts';
import { loadTemplates } from '../../src/shell/template-files.ts';
import { intake } from '../../src/worker/intake.ts';
import { composePending } from '../../src/worker/outbox.ts';
import { benchEvents, signupMail } from './seed.ts';

const N = Number(process.env.STEPS_N ?? 2000);
const events = benchEvents(500);
const deskConfig = { messageIdDomain: 'aanmeldbot.example.test', organisers: [], trustedAuthservId: null, replyCapPerDay: 5 };
const templates = loadTemplates(TEMPLATES_DIR);
const senderInfo = { fromName: 'HIER opgewekt', fromAddress: 'info@example.test', contactPhone: '030 - 711 64 00' };

async function timed<T>(label: string, n: number, fn: () => Promise<T> | T): Promise<T> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(`  ${label.padEnd(34)} ${(wall / n).toFixed(3).padStart(7)} ms/mail wall  ${((cpu.user + cpu.system) / 1000 / n).toFixed(3).padStart(7)} ms/mail cpu`);
  return result;
}

const raws = Array.from({ length: N }, (_, i) => signupMail(i + 1, 'steps').raw);
const messages = raws.map((raw, i) => ({ sourceId: `imap:1:${i + 1}`, uid: i + 1, raw, size: raw.length, truncated: false }));
// warm-up
await intake(emptyState('bench-secret-0123456789abcdef'), messages.slice(0, 100), (s: DeskState) => ({ ...deskConfig, now: new Date(), events: effectiveEvents(events, s) }));

console.log(`steps bench, N=${N}, node ${process.version}`);
const parsed = await timed('parse (mailparser)', N, () => Promise.all(raws.map((r) => parseMail(r))));
await timed('classify', N, () => parsed.map((p) => classify(p, events, { ourDomains: [deskConfig.messageIdDomain], organisers: [] })));
const ctx = (s: DeskState) => ({ ...deskConfig, now: new Date(), events: effectiveEvents(events, s) });
const taken = await timed('intake (parse+classify+decide)', N, () => intake(emptyState('bench-secret-0123456789abcdef'), messages, ctx));
const composed = await timed('compose replies', N, () => composePending(taken.state, events, templates, senderInfo, silentLogger));
await timed('JSON.stringify store (once)', 1, () => JSON.stringify(composed).length);

// The send path: the composed bytes through the bot's SmtpSender (nodemailer pool) to a sink in a child
// process, so only the sending side's CPU is counted here.
const { spawn } = await import('node:child_process');
const { SmtpSender } = await import('../../src/transport/smtp-sender.ts');
const sink = spawn(process.execPath, ['-e', `
  const { SMTPServer } = require('smtp-server');
  const s = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, cb) { stream.on('data', () => {}); stream.on('end', () => cb()); } });
  s.listen(0, '127.0.0.1', () => console.log(s.server.address().port));
`], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve) => sink.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
const smtp = new SmtpSender({ host: '127.0.0.1', port, ignoreTLS: true });
const items = composed.outbox.filter((o) => o.raw);
await timed(`send via SmtpSender (pool of 2)`, items.length, async () => {
  let next = 0;
  await Promise.all(Array.from({ length: 5 }, async () => {
    while (next < items.length) {
      const o = items[next++]!;
      await smtp.send({ messageId: o.id, envelope: o.envelope!, raw: Buffer.from(o.raw!, 'base64') });
    }
  }));
});
// The same number of sends with a 1 KB plain-text reply (what the floor sends), to see what size costs.
const small = Buffer.from(`From: info@example.test\r\nTo: x@example.org\r\nSubject: Re: Aanmelding\r\nMessage-ID: <s@x>\r\n\r\n${'Bedankt voor je aanmelding. '.repeat(30)}\r\n`);
await timed(`send ${small.length} B plain replies`, items.length, async () => {
  let next = 0;
  await Promise.all(Array.from({ length: 5 }, async () => {
    while (next < items.length) {
      const o = items[next++]!;
      await smtp.send({ messageId: o.id, envelope: o.envelope!, raw: small });
    }
  }));
});
console.log(`  (the bot's replies: ${Math.round(items.reduce((n, o) => n + Buffer.from(o.raw!, 'base64').length, 0) / items.length)} B on average)`);

// The worker's own send path: sendItems (a few at a time), each send journaled (fsync) before the next.
const { sendItems } = await import('../../src/worker/outbox.ts');
const { SentJournal } = await import('../../src/store/sent-journal.ts');
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const journalDir = mkdtempSync(join(tmpdir(), 'aanmeldbot-steps-'));
const journal = new SentJournal(join(journalDir, 'sent.journal'));
await timed('sendItems + fsynced journal', items.length, () =>
  sendItems(items, { sender: smtp, keepForCopy: false, recordSent: (id) => journal.record(id), now: () => new Date(), log: silentLogger }),
);
await journal.close();
rmSync(journalDir, { recursive: true, force: true });
await smtp.close();

sink.kill();
const stripped = { ...composed, outbox: composed.outbox.map((o) => ({ ...o, raw: null })) };
const sizes = { withBodies: JSON.stringify(composed).length, sent: JSON.stringify(stripped).length };
await timed('JSON.stringify store, bodies dropped', 1, () => JSON.stringify(stripped).length);
console.log(`  store size after ${N} signups: ${(sizes.withBodies / 1e6).toFixed(1)} MB with reply bodies, ${(sizes.sent / 1e6).toFixed(1)} MB once sent`);
for (const key of Object.keys(stripped) as (keyof typeof stripped)[]) console.log(`    ${String(key).padEnd(16)} ${(JSON.stringify(stripped[key]).length / 1e3).toFixed(0)} kB`);
