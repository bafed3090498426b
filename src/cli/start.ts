import { join } from 'node:path';
import type { Config } from '../config.ts';
import { loadEvents } from '../shell/events-file.ts';
import type { Logger } from '../shell/log.ts';
import { SAMPLES_DIR, TEMPLATES_DIR } from '../shell/paths.ts';
import { seedSamples } from '../shell/samples.ts';
import { loadTemplates } from '../shell/template-files.ts';
import { openStore } from '../store/store.ts';
import { FileOutbox } from '../transport/file-outbox.ts';
import { MaildirSource } from '../transport/maildir-source.ts';
import type { MailSender, MailSource, SentCopies } from '../transport/types.ts';
import { Worker } from '../worker/worker.ts';
import { promotionRules } from '../config.ts';
import { tick } from '../core/tick.ts';
import { scheduleDigest } from '../shell/scheduler.ts';
import { openImapTransports } from './imap-wiring.ts';

/** Local mode looks again this often even without a file-system event. */
const LOCAL_POLL_MS = 1_000;

export interface Running {
  worker: Worker;
  done: Promise<void>;
}

export async function startWorker(config: Config, log: Logger, opts: { now?: () => Date; seed?: boolean } = {}): Promise<Running> {
  const events = loadEvents(config.EVENTS_FILE);
  const templates = loadTemplates(TEMPLATES_DIR);
  const store = await openStore(config.DATA_DIR);
  let openSource: () => Promise<MailSource>;
  let mailSender: MailSender;
  let sentCopies: (source: MailSource) => SentCopies | null = () => null;
  let pollIntervalMs = LOCAL_POLL_MS;
  let closeTransports = async () => {};
  if (config.mode === 'local') {
    const maildir = join(config.DATA_DIR, 'maildir');
    const source = new MaildirSource(maildir, { processedFolder: config.IMAP_PROCESSED_FOLDER, maxMessageBytes: config.MAX_MESSAGE_BYTES });
    await source.open();
    // Only into a desk that never read mail: handled records are pruned after 90 days.
    if (opts.seed !== false && store.state.cursor === null && Object.keys(store.state.handled).length === 0) {
      const seeded = await seedSamples(SAMPLES_DIR, maildir);
      if (seeded) log.info('local-mode-samples', { copied: seeded, into: join(maildir, 'new') });
    }
    openSource = async () => {
      await source.open();
      return source;
    };
    const outboxDir = join(config.DATA_DIR, 'outbox');
    mailSender = new FileOutbox(outboxDir);
    log.info('local-mode', {
      maildir,
      outbox: outboxDir,
      hint: 'drop .eml files into the maildir new/ folder; set IMAP_HOST, IMAP_USER, IMAP_PASSWORD and SMTP_HOST to use a real mailbox (see README)',
    });
  } else {
    const imap = openImapTransports(config, log);
    openSource = imap.openSource;
    mailSender = imap.mailSender;
    sentCopies = imap.sentCopies;
    closeTransports = imap.close;
    pollIntervalMs = config.IMAP_POLL_SECONDS * 1000;
  }
  const promotion = promotionRules(config);
  let wake = () => {};
  const schedule = scheduleDigest(config.DIGEST_CRON, () => wake(), log);
  const worker = new Worker({
    store,
    events,
    templates,
    sender: { fromName: config.fromName, fromAddress: config.fromAddress, contactPhone: config.CONTACT_PHONE },
    openSource,
    mailSender,
    sentCopies,
    deskConfig: {
      messageIdDomain: config.messageIdDomain,
      organisers: config.ORGANISERS,
      trustedAuthservId: config.TRUSTED_AUTHSERV_ID ?? null,
      replyCapPerDay: config.REPLY_CAP_PER_DAY,
      promotion,
    },
    tick: (state, events, now) =>
      tick(state, events, now, {
        messageIdDomain: config.messageIdDomain,
        reminderDays: config.REMINDER_DAYS,
        retentionDays: config.RETENTION_DAYS,
        promotion,
        digest: { to: config.DIGEST_TO, language: config.DIGEST_LANGUAGE, dueDay: schedule.dueDay(now) },
      }),
    batchSize: config.BATCH_SIZE,
    pollIntervalMs,
    retryBaseMs: config.SMTP_RETRY_SECONDS * 1000,
    now: opts.now ?? (() => new Date()),
    log,
  });
  wake = () => worker.wake();
  const done = worker.start().finally(async () => {
    await schedule.stop();
    await closeTransports();
    await store.close();
  });
  return { worker, done };
}
