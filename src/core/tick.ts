// tick(state, events, now, settings): what time alone makes due. The worker calls it every round and
// commits the actions like a mail's; everything it does is recorded in the state, so a restart or a
// second tick never repeats a reminder, an offer or a digest.
import type { Action, Cause } from './actions.ts';
import { type DigestSettings, queueDigest } from './digest-mail.ts';
import { Draft } from './draft.ts';
import { DEFAULT_PROMOTION_RULES, type PromotionRules } from './offer-seats.ts';
import { expireOffers } from './offers.ts';
import { promoteFromWaitlist } from './operations.ts';
import { dueReminders } from './reminders.ts';
import { pruneStore, purgeExpired } from './retention.ts';
import type { DeskState } from './state.ts';
import type { EventInfo } from './types.ts';

export interface TickSettings {
  messageIdDomain: string;
  /** REMINDER_DAYS */
  reminderDays: number;
  /** RETENTION_DAYS; personal data of events that ended longer ago is purged */
  retentionDays?: number;
  promotion?: PromotionRules;
  digest: DigestSettings & {
    /** the Amsterdam date whose digest time (DIGEST_CRON) has passed, from the scheduler; null before it */
    dueDay: string | null;
  };
}

export interface TickResult {
  cause: Cause;
  actions: Action[];
  /** counts for the log line */
  done: { offersLapsed: number; promoted: number; offered: number; reminders: number; digest: boolean; purged: number };
}

export function tick(state: DeskState, events: EventInfo[], now: Date, settings: TickSettings): TickResult {
  const cause: Cause = { key: `tick:${now.toISOString()}`, now };
  const draft = new Draft(state, cause, settings.messageIdDomain);
  const rules = settings.promotion ?? DEFAULT_PROMOTION_RULES;
  expireOffers(draft, events, rules);
  // No free seat while someone waits: also after an erasure, or capacity raised in the events file.
  for (const event of events) promoteFromWaitlist(draft, event, rules);
  dueReminders(draft, events, settings.reminderDays);
  if (settings.digest.dueDay) queueDigest(draft, events, settings.digest.dueDay, settings.digest);
  // After the digest, so the last digest about an event still names its people.
  if (settings.retentionDays !== undefined) purgeExpired(draft, events, settings.retentionDays);
  pruneStore(draft);
  return { cause, actions: draft.actions, done: countDone(draft.actions) };
}

function countDone(actions: Action[]): TickResult['done'] {
  const count = (test: (a: Action) => boolean) => actions.filter(test).length;
  return {
    offersLapsed: count((a) => a.type === 'lapse-offer'),
    promoted: count((a) => a.type === 'change-status' && a.why === 'promoted'),
    offered: count((a) => a.type === 'offer-seat'),
    reminders: count((a) => a.type === 'mark-reminded'),
    digest: actions.some((a) => a.type === 'queue-digest'),
    purged: count((a) => a.type === 'purge-event'),
  };
}
