// The daily digest as mail: one per recipient, queued in the outbox like a reply (durable, sent once),
// with a Message-ID made from the Amsterdam date, so a second attempt on the same day is the same mail.
import type { Draft } from './draft.ts';
import { buildDigest, type Digest } from './digest.ts';
import type { DeskState, ReplySpec } from './state.ts';
import { addressToken } from './tokens.ts';
import type { EventInfo, Language } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const CSV_NAME: Record<Language, string> = { nl: 'aanmeldingen', en: 'registrations' };

export interface DigestSettings {
  /** DIGEST_TO; no addresses, no digest */
  to: string[];
  language: Language;
}

export function digestMessageId(secret: string, domain: string, day: string, recipient: string): string {
  return `digest.${day}.${addressToken(secret, recipient)}@${domain}`;
}

/** The previous digest's time, or a day back for the first one: the digest reports what happened since. */
export function digestSince(state: DeskState, now: Date): string {
  return state.lastDigestAt ?? new Date(now.getTime() - DAY_MS).toISOString();
}

/**
 * Queues the digest for `day` (YYYY-MM-DD, Europe/Amsterdam) unless that day's digest was queued already.
 */
export function queueDigest(draft: Draft, events: EventInfo[], day: string, settings: DigestSettings): Digest | null {
  if (settings.to.length === 0 || draft.state.lastDigestDate === day) return null;
  const now = draft.cause.now;
  const digest = buildDigest(draft.state, events, { since: digestSince(draft.state, now), now, language: settings.language });
  const mails: ReplySpec[] = settings.to.map((address) => ({
    kind: 'digest',
    messageId: digestMessageId(draft.state.secret, draft.messageIdDomain, day, address),
    to: { name: null, address },
    language: settings.language,
    eventId: null,
    registrationId: null,
    inReplyTo: null,
    references: [],
    answeredSubject: null,
    vars: { digestSubject: digest.subject, digestText: digest.text },
    attachments: [{ filename: `${CSV_NAME[settings.language]}-${day}.csv`, contentType: 'text/csv; charset=utf-8', content: digest.csv }],
  }));
  draft.push({ type: 'queue-digest', date: day, mails });
  return digest;
}
