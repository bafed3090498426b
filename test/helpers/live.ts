// A live mailbox for end-to-end tests: a real Dovecot and a real SMTP listener on free loopback ports,
// and the real worker as its own process pointed at them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dovecot, startDovecot } from '../harness/dovecot.ts';
import { type SmtpSink, startSmtpSink } from '../harness/smtp-sink.ts';
import { EVENTS } from './events.ts';
import { startWorkerProcess, waitUntil } from './cli.ts';

export interface Live {
  dovecot: Dovecot;
  sink: SmtpSink;
  dataDir: string;
  env: Record<string, string>;
  start(): ReturnType<typeof startWorkerProcess>;
  close(): Promise<void>;
}

/** The settings that point the real worker at a test Dovecot and SMTP listener (production timings). */
export function workerEnv(dovecot: Dovecot, sink: SmtpSink, dataDir: string, eventsFile: string): Record<string, string> {
  const imap = dovecot.connection();
  return {
    DATA_DIR: dataDir,
    EVENTS_FILE: eventsFile,
    MAIL_FROM: 'HIER opgewekt <info@example.test>',
    IMAP_HOST: imap.host,
    IMAP_PORT: String(imap.port),
    IMAP_USER: imap.auth.user,
    IMAP_PASSWORD: imap.auth.pass,
    IMAP_TLS: 'false',
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port),
    SMTP_TLS: 'false',
    SMTP_IGNORE_TLS: 'true',
    LOG_FORMAT: 'text',
  };
}

export async function startLive(opts: { capacity?: number; env?: Record<string, string> } = {}): Promise<Live> {
  const dovecot = await startDovecot();
  const sink = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'aanmeldbot-live-'));
  const eventsFile = join(dataDir, 'events.json');
  writeFileSync(eventsFile, JSON.stringify(EVENTS.map((e) => ({ ...e, capacity: opts.capacity ?? e.capacity }))));
  const env = { ...workerEnv(dovecot, sink, dataDir, eventsFile), IMAP_POLL_SECONDS: '2', IMAP_SOCKET_TIMEOUT_SECONDS: '5', SMTP_RETRY_SECONDS: '1', ...opts.env };
  const workers: ReturnType<typeof startWorkerProcess>[] = [];
  return {
    dovecot,
    sink,
    dataDir,
    env,
    start() {
      const w = startWorkerProcess(env);
      workers.push(w);
      return w;
    },
    async close() {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await sink.close();
      await dovecot.stop();
    },
  };
}

export { waitUntil };
