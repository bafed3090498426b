// The organisers' daily digest: seats and waitlist per upcoming event, what changed since the last
// digest, mail left for people, and mail that could not be delivered. Pure: text in, text out.
import { attendeesCsv } from './attendee-csv.ts';
import { type Change, type ChangeKind, changesSince, leftForPeople } from './digest-changes.ts';
import { upcoming } from './events.ts';
import { formatDate, formatTimeRange } from './format.ts';
import { holdsOffer, seatsTaken, waitingCount } from './offer-seats.ts';
import { isActive, waitlistOf } from './seats.ts';
import type { DeskState, Registration } from './state.ts';
import type { EventInfo, Language } from './types.ts';

/** Longer lists are cut: the digest is read on a phone; the CSV has everything. */
const MAX_LISTED = 25;
/** Sending gives up after about two days of retries, so a failure is shown for a week, not only once. */
const FAILURE_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_ERROR_CHARS = 200;

export interface DigestOptions {
  /** ISO time of the previous digest: changes after it are reported */
  since: string;
  now: Date;
  language: Language;
}

export interface Digest {
  subject: string;
  text: string;
  /** every registration of the upcoming events, UTF-8 with BOM for Excel */
  csv: string;
}

const WORDS = {
  nl: {
    subject: (day: string) => `Dagoverzicht aanmeldingen ${day}`,
    seats: (taken: number, capacity: number, waitlist: number) => `Plekken: ${taken} van ${capacity} bezet, wachtlijst: ${waitlist}`,
    closed: 'aanmelding gesloten',
    offers: (n: number) => `${n} plek(ken) aangeboden, wacht op antwoord`,
    since: 'Sinds het vorige overzicht:',
    noChanges: 'Geen wijzigingen sinds het vorige overzicht.',
    noEvents: 'Er zijn geen komende sessies.',
    changes: { 'signed-up': 'aangemeld', waitlisted: 'op de wachtlijst', cancelled: 'afgemeld', promoted: 'van de wachtlijst naar een plek', offered: 'plek aangeboden (laat vrijgekomen)', 'offer-lapsed': 'aanbod verlopen', erased: 'gegevens verwijderd' } satisfies Record<ChangeKind, string>,
    viaOrganiser: 'via organisator',
    viaCli: 'via beheer',
    nameless: '(geen naam)',
    left: (n: number) => `Mail voor mensen (${n}), staat nog in de inbox:`,
    noLeft: 'Geen mail voor mensen achtergelaten.',
    noSubject: '(geen onderwerp)',
    failures: 'Bezorgproblemen:',
    noFailures: 'Geen bezorgproblemen.',
    failed: (to: string, what: string, error: string) => `Mail aan ${to} niet verzonden (${what}): ${error}`,
    undeliverable: (who: string, eventId: string) => `Adres onbereikbaar: ${who} (${eventId}); neem contact op via een ander kanaal`,
    more: (n: number) => `… en nog ${n}`,
  },
  en: {
    subject: (day: string) => `Registration digest ${day}`,
    seats: (taken: number, capacity: number, waitlist: number) => `Seats: ${taken} of ${capacity} taken, waiting list: ${waitlist}`,
    closed: 'registration closed',
    offers: (n: number) => `${n} seat(s) offered, awaiting an answer`,
    since: 'Since the previous digest:',
    noChanges: 'No changes since the previous digest.',
    noEvents: 'There are no upcoming sessions.',
    changes: { 'signed-up': 'registered', waitlisted: 'on the waiting list', cancelled: 'cancelled', promoted: 'moved from the waiting list to a seat', offered: 'offered a seat (freed late)', 'offer-lapsed': 'offer lapsed', erased: 'personal data erased' } satisfies Record<ChangeKind, string>,
    viaOrganiser: 'via organiser',
    viaCli: 'via admin',
    nameless: '(no name)',
    left: (n: number) => `Mail for people (${n}), still in the inbox:`,
    noLeft: 'No mail was left for people.',
    noSubject: '(no subject)',
    failures: 'Delivery problems:',
    noFailures: 'No delivery problems.',
    failed: (to: string, what: string, error: string) => `Mail to ${to} not sent (${what}): ${error}`,
    undeliverable: (who: string, eventId: string) => `Address unreachable: ${who} (${eventId}); contact them another way`,
    more: (n: number) => `… and ${n} more`,
  },
} as const;

type Words = (typeof WORDS)[Language];

function capped(lines: string[], w: Words): string[] {
  return lines.length > MAX_LISTED ? [...lines.slice(0, MAX_LISTED), w.more(lines.length - MAX_LISTED)] : lines;
}

function who(r: Registration, w: Words): string {
  const name = r.name ?? r.email ?? r.phone ?? w.nameless;
  const via = r.source === 'organiser' ? ` (${w.viaOrganiser})` : r.source === 'cli' ? ` (${w.viaCli})` : '';
  return `${name}${via}`;
}

function eventSection(state: DeskState, event: EventInfo, changes: Change[], o: DigestOptions, w: Words): string[] {
  const offers = waitlistOf(state, event.id).filter(holdsOffer).length;
  const status = [
    w.seats(seatsTaken(state, event.id), event.capacity, waitingCount(state, event.id)),
    ...(event.closed ? [w.closed] : []),
    ...(offers ? [w.offers(offers)] : []),
  ].join(', ');
  const lines = [`${event.title} (${formatDate(event.start, o.language)}, ${formatTimeRange(event.start, event.end, o.language)})`, `  ${status}`];
  const mine = changes.filter((c) => c.eventId === event.id);
  if (mine.length === 0) return [...lines, `  ${w.noChanges}`];
  lines.push(`  ${w.since}`);
  for (const kind of Object.keys(w.changes) as ChangeKind[]) {
    const people = mine.filter((c) => c.kind === kind).map((c) => who(c.registration, w));
    if (people.length) lines.push(`    ${w.changes[kind]} (${people.length}): ${capped(people, w).join(', ')}`);
  }
  return lines;
}

function failureLines(state: DeskState, events: EventInfo[], o: DigestOptions, w: Words): string[] {
  const failed = state.outbox
    .filter((m) => m.status === 'failed' && o.now.getTime() - Date.parse(m.createdAt) <= FAILURE_LOOKBACK_MS)
    .map((m) => w.failed(m.spec.to.address, [m.spec.kind, m.spec.eventId].filter(Boolean).join(', '), (m.lastError ?? '').slice(0, MAX_ERROR_CHARS)));
  const ids = new Set(events.map((e) => e.id));
  const unreachable = state.registrations
    .filter((r) => r.undeliverable && isActive(r) && ids.has(r.eventId))
    .map((r) => w.undeliverable(`${r.name ?? w.nameless} <${r.email ?? '-'}>`, r.eventId));
  return [...failed, ...unreachable];
}

export function buildDigest(state: DeskState, events: EventInfo[], o: DigestOptions): Digest {
  const w = WORDS[o.language];
  const coming = upcoming(events, o.now);
  const changes = changesSince(state, o.since, o.now);
  const left = leftForPeople(state, o.since, o.now);
  const failures = failureLines(state, coming, o, w);
  const sections = [
    coming.length ? coming.map((e) => eventSection(state, e, changes, o, w).join('\n')).join('\n\n') : w.noEvents,
    left.length ? [w.left(left.length), ...capped(left.map((s) => `  - ${s || w.noSubject}`), w)].join('\n') : w.noLeft,
    failures.length ? [w.failures, ...capped(failures.map((f) => `  - ${f}`), w)].join('\n') : w.noFailures,
  ];
  return {
    subject: w.subject(formatDate(o.now.toISOString(), o.language)),
    text: `${sections.join('\n\n')}\n`,
    csv: attendeesCsv(state, coming),
  };
}
