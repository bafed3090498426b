// `aanmeldbot digest --print` shows today's digest; `aanmeldbot digest --send` queues and sends it now
// (the same mail, with the same Message-ID, as the scheduled one: it counts as today's digest).
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { digestSince, queueDigest } from '../core/digest-mail.ts';
import { buildDigest } from '../core/digest.ts';
import { Draft } from '../core/draft.ts';
import { effectiveEvents } from '../core/events.ts';
import { amsterdamDay } from '../core/local-day.ts';
import type { Language } from '../core/types.ts';
import { loadEvents } from '../shell/events-file.ts';
import type { Logger } from '../shell/log.ts';
import { openStore } from '../store/store.ts';
import { UsageError } from './usage-error.ts';
import { commitAndSend } from './send-now.ts';

const USAGE = 'digest (--print [--csv] | --send) [--lang nl|en]';

function language(value: string | undefined): Language {
  const lang = value ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError('--lang must be nl or en');
  return lang;
}

/** Returns what to print. `now` is a parameter so tests can pin the day. */
export async function digestCommand(args: string[], config: Config, log: Logger, now: Date = new Date()): Promise<string> {
  const { values } = parseArgs({ args, options: { print: { type: 'boolean' }, send: { type: 'boolean' }, csv: { type: 'boolean' }, lang: { type: 'string' } } });
  if (values.print === values.send) throw new UsageError(`usage: aanmeldbot ${USAGE}`);
  const lang = language(values.lang);
  const fileEvents = loadEvents(config.EVENTS_FILE);
  if (values.print) {
    const store = await openStore(config.DATA_DIR, { readOnly: true });
    try {
      const digest = buildDigest(store.state, effectiveEvents(fileEvents, store.state), { since: digestSince(store.state, now), now, language: lang });
      return values.csv ? digest.csv : `Subject: ${digest.subject}\n\n${digest.text}`;
    } finally {
      await store.close();
    }
  }
  if (config.DIGEST_TO.length === 0) throw new UsageError('DIGEST_TO is empty: set the addresses the digest goes to');
  const store = await openStore(config.DATA_DIR);
  try {
    const events = effectiveEvents(fileEvents, store.state);
    const day = amsterdamDay(now);
    const draft = new Draft(store.state, { key: `cli:digest:${now.toISOString()}`, now }, config.messageIdDomain);
    const queued = queueDigest(draft, events, day, { to: config.DIGEST_TO, language: lang });
    const sent = await commitAndSend(store, draft.actions, draft.cause, events, config, log);
    const what = queued ? `digest for ${day} queued` : `the digest for ${day} was already queued at ${store.state.lastDigestAt ?? '?'}`;
    return `${what}; ${sent} mail(s) sent`;
  } finally {
    await store.close();
  }
}
