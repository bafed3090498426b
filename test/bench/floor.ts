// The floor: the least any mail bot must do for N waiting mails with the same libraries as aanmeldbot —
// imapflow fetch in batches, mailparser simpleParser, nodemailer send through a pooled transport — and no
// logic, no store, no move, no Sent copy. Runs as its own process (like the worker), started by rush.ts:
//   node --import tsx test/bench/floor.ts   with FLOOR_CONFIG='{"imap":{…},"smtp":{…},"count":N,"batch":100}'
// and prints one JSON line with what it did.
import { runAsChild } from './stats.ts';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTP_MAX_CONNECTIONS } from '../../src/transport/smtp-sender.ts';

export interface FloorConfig {
  imap: { host: string; port: number; secure: false; auth: { user: string; pass: string } };
  smtp: { host: string; port: number };
  /** stop after this many replies */
  count: number;
  batch: number;
  /** give up after this long */
  timeoutMs: number;
}

export interface FloorResult {
  sent: number;
  batches: number;
  elapsedMs: number;
  hwmMb: number | null;
  /** user + system, the whole process including start-up */
  cpuSeconds: number;
}

export async function runFloor(config: FloorConfig): Promise<FloorResult> {
  const started = Date.now();
  const deadline = started + config.timeoutMs;
  const client = new ImapFlow({ ...config.imap, logger: false, disableAutoIdle: true });
  client.on('error', () => {});
  // Same pool settings as the bot's SmtpSender, so the ratio measures the bot, not a different pool.
  const transport = nodemailer.createTransport({
    pool: true,
    host: config.smtp.host,
    port: config.smtp.port,
    secure: false,
    ignoreTLS: true,
    maxConnections: SMTP_MAX_CONNECTIONS,
    logger: false,
  });
  let sent = 0;
  let batches = 0;
  let lastUid = 0;
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    while (sent < config.count) {
      if (Date.now() > deadline) throw new Error(`floor: ${sent} of ${config.count} sent after ${config.timeoutMs} ms`);
      const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
      const uids = (Array.isArray(found) ? found : []).filter((u) => u > lastUid).sort((a, b) => a - b).slice(0, config.batch);
      if (uids.length === 0) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      const fetched = await client.fetchAll(uids.join(","), { uid: true, source: true }, { uid: true });
      lastUid = Math.max(lastUid, ...uids);
      const parsed = await Promise.all(fetched.filter((m) => m.source).map((m) => simpleParser(m.source!)));
      await Promise.all(
        parsed.map((p) => {
          const to = (Array.isArray(p.from) ? p.from[0] : p.from)?.value[0]?.address ?? 'nobody@example.org';
          return transport.sendMail({
            from: 'HIER opgewekt <info@example.test>',
            to,
            subject: `Re: ${p.subject ?? ''}`,
            text: 'Bedankt voor je aanmelding.',
            inReplyTo: p.messageId,
            references: p.messageId,
            headers: { 'Auto-Submitted': 'auto-replied' },
          });
        }),
      );
      sent += parsed.length;
      batches++;
    }
  } finally {
    transport.close();
    await client.logout().catch(() => client.close());
  }
  const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(await import('node:fs').then((fs) => fs.readFileSync('/proc/self/status', 'utf8')));
  const cpu = process.cpuUsage();
  return { sent, batches, elapsedMs: Date.now() - started, hwmMb: hwm ? Number(hwm[1]) / 1024 : null, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

runAsChild(import.meta.url, 'FLOOR_CONFIG', runFloor);
