// For CLI commands that change the desk and mail at once (the worker may not be running): commit the
// actions with their replies composed, then send what is due through the configured sender.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Action, Cause } from '../core/actions.ts';
import { applyActions } from '../core/apply.ts';
import type { EventInfo } from '../core/types.ts';
import type { Logger } from '../shell/log.ts';
import { TEMPLATES_DIR } from '../shell/paths.ts';
import { loadTemplates } from '../shell/template-files.ts';
import type { Store } from '../store/store.ts';
import { FileOutbox } from '../transport/file-outbox.ts';
import type { MailSender } from '../transport/types.ts';
import { composePending, flushOutbox } from '../worker/outbox.ts';
import { openImapTransports } from './imap-wiring.ts';

function senderFor(config: Config, log: Logger): MailSender {
  return config.mode === 'local' ? new FileOutbox(join(config.DATA_DIR, 'outbox')) : openImapTransports(config, log).mailSender;
}

/** Returns how many mails went out. The actions are durable before the first mail is sent. */
export async function commitAndSend(store: Store, actions: Action[], cause: Cause, events: EventInfo[], config: Config, log: Logger): Promise<number> {
  const sender = { fromName: config.fromName, fromAddress: config.fromAddress, contactPhone: config.CONTACT_PHONE };
  const applied = applyActions(store.state, actions, cause);
  await store.commit(await composePending(applied, events, loadTemplates(TEMPLATES_DIR), sender, log));
  const mailSender = senderFor(config, log);
  try {
    const flushed = await flushOutbox(store.state, { sender: mailSender, keepForCopy: false, recordSent: (id) => store.recordSent(id), now: () => new Date(), log });
    await store.commit(flushed.state);
    return flushed.sent;
  } finally {
    await mailSender.close();
  }
}
