// `aanmeldbot add` / `aanmeldbot cancel`: the organiser's hand, under the same rules and with the same
// mails as mail. The replies are queued and sent at once through the configured sender.
import type { Config } from '../config.ts';
import { Draft, NO_THREAD } from '../core/draft.ts';
import { effectiveEvents } from '../core/events.ts';
import { cancelRegistration, signUp } from '../core/operations.ts';
import { findActive } from '../core/seats.ts';
import type { Language } from '../core/types.ts';
import { loadEvents } from '../shell/events-file.ts';
import type { Logger } from '../shell/log.ts';
import { openStore } from '../store/store.ts';
import { promotionRules } from '../config.ts';
import { commitAndSend } from './send-now.ts';
import { UsageError } from './usage-error.ts';

export interface PersonArgs {
  event: string;
  email: string | null;
  name: string | null;
  organisation: string | null;
  phone: string | null;
  language: Language;
}


export async function organiserCommand(kind: 'add' | 'cancel', args: PersonArgs, config: Config, log: Logger, now: Date = new Date()): Promise<string> {
  const store = await openStore(config.DATA_DIR);
  try {
    const events = effectiveEvents(loadEvents(config.EVENTS_FILE), store.state);
    const event = events.find((e) => e.id === args.event);
    if (!event) throw new UsageError(`unknown event "${args.event}"; known: ${events.map((e) => e.id).join(', ')}`);
    if (!args.email && !args.name) throw new UsageError('give --email or --name');
    const notify = args.email ? null : config.DIGEST_TO[0] ?? config.ORGANISERS[0] ?? null;
    const cause = { key: `cli:${kind}:${now.toISOString()}`, now };
    const draft = new Draft(store.state, cause, config.messageIdDomain);
    let outcome: string;
    if (kind === 'add') {
      outcome = signUp(draft, { name: args.name, email: args.email, organisation: args.organisation, phone: args.phone }, event, { source: 'cli', language: args.language, thread: NO_THREAD, notify });
    } else {
      const reg = findActive(draft.state, event.id, { email: args.email, name: args.name });
      if (!reg) return `not registered for ${event.id}`;
      cancelRegistration(draft, reg, event, reg.language, NO_THREAD, promotionRules(config));
      outcome = `cancelled ${reg.id}`;
    }
    const sent = await commitAndSend(store, draft.actions, cause, events, config, log);
    return `${outcome}; ${sent} mail(s) sent`;
  } finally {
    await store.close();
  }
}
