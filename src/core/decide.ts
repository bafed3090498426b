// decide(state, message, context) -> decision. Pure: no I/O, no clock (`now` comes in), no transport.
import type { Action } from './actions.ts';
import { readBounce } from './bounces.ts';
import { Draft } from './draft.ts';
import { threadOf } from './reply-thread.ts';
import { defaultSignupEvent } from './events.ts';
import type { PromotionRules } from './offer-seats.ts';
import { acceptsOffer, offerAnswered } from './offers.ts';
import { HANDLED_KEEP_MS } from './retention.ts';
import { cancelRegistration, type Person, promote, signUp, type SignUpOutcome } from './operations.ts';
import { organiserMailCommand } from './organiser-mail.ts';
import { authenticatedSender } from './proof.ts';
import { repliesInWindow } from './apply.ts';
import type { DeskState, HandledOutcome, Registration } from './state.ts';
import { referencesOurMailTo, registrationOfMessageId } from './tokens.ts';
import type { Classification, EventInfo, InboundMessage } from './types.ts';
import { classify } from '../understand/classify.ts';
import { isAutomatic } from '../understand/robots.ts';

export interface DeskContext {
  now: Date;
  /** effective events (file plus organiser overrides) */
  events: EventInfo[];
  /** right-hand side of our Message-IDs; mail carrying it is our own */
  messageIdDomain: string;
  organisers: string[];
  trustedAuthservId: string | null;
  replyCapPerDay: number;
  /** LATE_PROMOTION_HOURS / OFFER_HOURS; the defaults in offer-seats.ts when absent */
  promotion?: PromotionRules;
}

export interface Received {
  /** Message-ID, or 'sha256:<hash of the bytes>' when the mail has none */
  key: string;
  message: InboundMessage;
}

export interface Decision {
  key: string;
  actions: Action[];
  /** 'file': handled, move out of the inbox; 'leave': for people, stays unread */
  disposition: 'file' | 'leave';
  summary: string;
  classification: Classification | null;
}

const OUTCOME_WORDS: Record<'nl' | 'en', Record<SignUpOutcome, string>> = {
  nl: { confirmed: 'aangemeld', waitlisted: 'op de wachtlijst', 'already-registered': 'was al aangemeld', 'already-waitlisted': 'stond al op de wachtlijst', closed: 'aanmelding gesloten', 'no-address': 'geen e-mailadres' },
  en: { confirmed: 'registered', waitlisted: 'on the waiting list', 'already-registered': 'was already registered', 'already-waitlisted': 'was already on the waiting list', closed: 'registration closed', 'no-address': 'no e-mail address' },
};

const MAX_ATTENDEES_PER_MAIL = 10;

/** Short affirmative answers to "did you ask to cancel? reply to confirm". */
const CONFIRMS_CANCEL = /^\s*(ja|yes|jazeker|klopt|correct|bevestigd?|akkoord|afmelden|graag|confirm(ed)?|ok(é|e|ay)?)\b/i;
/** "Ja hoor, maar ik kom gewoon, dat was ik niet": a yes that says no is no confirmation. */
const KEEPS_SEAT = /\b(?:niet|nee|geen|not|no|never|gewoon komen|kom gewoon|blijf|keep|stay)\b/i;

function confirmsCancel(c: Classification, text: string): boolean {
  if (c.intent === 'cancel') return true;
  return c.intent !== 'signup' && CONFIRMS_CANCEL.test(text) && !KEEPS_SEAT.test(text);
}

function finish(draft: Draft, received: Received, outcome: HandledOutcome, summary: string, classification: Classification | null): Decision {
  draft.push({
    type: 'record-handled',
    key: received.key,
    record: { at: draft.cause.now.toISOString(), outcome, summary, subject: received.message.subject.slice(0, 200) },
  });
  return {
    key: received.key,
    actions: draft.actions,
    disposition: outcome === 'left' ? 'leave' : 'file',
    summary,
    classification,
  };
}

function referencedIds(msg: InboundMessage): string[] {
  return [...(msg.inReplyTo ? [msg.inReplyTo] : []), ...msg.references];
}

function eventById(ctx: DeskContext, id: string | null): EventInfo | null {
  return id ? ctx.events.find((e) => e.id === id) ?? null : null;
}

function handleBounce(draft: Draft, received: Received, ctx: DeskContext): string {
  const report = readBounce(received.message, ctx.messageIdDomain);
  if (!report || !report.permanent) return report ? 'robot:bounce-temporary' : 'robot';
  // Only ids we really sent to that registration's address count: a forged report cannot mark anyone.
  const regIds = new Set<string>();
  for (const id of report.ourIds) {
    const regId = registrationOfMessageId(id, ctx.messageIdDomain);
    const reg = regId ? draft.state.registrations.find((r) => r.id === regId) : undefined;
    const to = reg?.email ?? reg?.notify;
    if (reg && to && referencesOurMailTo(draft.state.secret, ctx.messageIdDomain, [id], to)) regIds.add(reg.id);
  }
  for (const id of regIds) draft.push({ type: 'mark-undeliverable', registrationId: id });
  return regIds.size ? 'robot:bounce-marked' : 'robot:bounce';
}

function pendingCancelAnswered(state: DeskState, msg: InboundMessage): Registration | undefined {
  const refs = referencedIds(msg);
  if (refs.length === 0 || !msg.from) return undefined;
  return state.registrations.find((r) => r.pendingCancel && refs.includes(r.pendingCancel.mailId) && r.email === msg.from?.address);
}

function signUpAll(draft: Draft, received: Received, c: Classification, ctx: DeskContext, organiser: boolean): Decision {
  const msg = received.message;
  const sender = msg.from!;
  const event = eventById(ctx, c.event) ?? defaultSignupEvent(ctx.events, ctx.now);
  if (!event) return finish(draft, received, 'left', 'left:no-event', c);
  const people: Person[] = c.attendees.filter((a) => a.email || (organiser && a.name));
  if (people.length === 0) return finish(draft, received, 'left', 'left:no-attendee', c);
  // A mail naming a crowd (a long Cc list) is for people to look at: otherwise whoever lists the most
  // addresses takes the seats, and the desk mails them all.
  if (people.length > MAX_ATTENDEES_PER_MAIL) return finish(draft, received, 'left', 'left:too-many-attendees', c);
  const thread = threadOf(msg);
  const outcomes: { person: Person; outcome: SignUpOutcome }[] = [];
  for (const person of people) {
    const outcome = signUp(draft, person, event, {
      source: organiser ? 'organiser' : 'mail',
      language: c.language,
      thread,
      notify: organiser ? sender.address : null,
    });
    outcomes.push({ person, outcome });
  }
  const senderAttends = people.some((p) => p.email === sender.address);
  const forOthers = outcomes.filter((o) => o.person.email !== sender.address && o.person.email);
  if (!senderAttends && forOthers.length > 0) {
    const list = forOthers.map((o) => `- ${o.person.name ?? o.person.email} <${o.person.email}>: ${OUTCOME_WORDS[c.language][o.outcome]}`).join('\n');
    draft.reply('registered-for-you', sender, c.language, thread, { eventId: event.id, vars: { list } });
  }
  return finish(draft, received, 'handled', `signup:${event.id}:${outcomes.map((o) => o.outcome).join(',')}`, c);
}

function cancelAll(draft: Draft, received: Received, c: Classification, ctx: DeskContext, organiser: boolean, authProven: boolean): Decision {
  const msg = received.message;
  const sender = msg.from!;
  const thread = threadOf(msg);
  const targets = c.attendees.length ? c.attendees : [{ name: sender.name || null, email: sender.address, organisation: null }];
  // Only organisers cancel for someone else: a person's mail that names others is for people to read.
  if (!organiser && targets.some((t) => t.email !== sender.address)) return finish(draft, received, 'left', 'left:cancel-for-others', c);
  const summaries: string[] = [];
  for (const target of targets) {
    const regs = draft.state.registrations.filter((r) =>
      (r.status === 'confirmed' || r.status === 'waitlisted') &&
      (target.email ? r.email === target.email : !!target.name && !r.email && r.name?.toLowerCase() === target.name.toLowerCase()),
    );
    const named = c.event ? regs.filter((r) => r.eventId === c.event) : regs;
    if (named.length === 0) {
      const to = target.email ? { name: target.name, address: target.email } : sender;
      draft.reply('not-registered', to, c.language, thread, { eventId: c.event, vars: { attendee: target.name ?? target.email ?? '' } });
      summaries.push('not-registered');
      continue;
    }
    if (named.length > 1) return finish(draft, received, 'left', 'left:cancel-which-event', c);
    const reg = named[0]!;
    const event = eventById(ctx, reg.eventId)!;
    const proven = organiser || authProven || referencesOurMailTo(draft.state.secret, ctx.messageIdDomain, referencedIds(msg), sender.address);
    // Proof says who wrote, not that we read them right: with a doubt elsewhere in their words ("zodra ik
    // het weet …"), a person is asked first. Two of six blind test sets held such a misreading.
    if (proven && !(c.doubtful && !organiser)) {
      cancelRegistration(draft, reg, event, c.language, thread, ctx.promotion);
      summaries.push(`cancelled:${reg.id}`);
    } else {
      const ask = draft.reply('confirm-cancel', { name: reg.name, address: reg.email! }, c.language, thread, { eventId: event.id, registrationId: reg.id });
      draft.push({ type: 'await-cancel-confirmation', registrationId: reg.id, mailId: ask.messageId });
      summaries.push(`confirm-asked:${reg.id}`);
    }
  }
  return finish(draft, received, 'handled', `cancel:${summaries.join(',')}`, c);
}

function erase(draft: Draft, received: Received, c: Classification, ctx: DeskContext, authProven: boolean): Decision {
  const sender = received.message.from!;
  const proven = authProven || referencesOurMailTo(draft.state.secret, ctx.messageIdDomain, referencedIds(received.message), sender.address);
  if (!proven) return finish(draft, received, 'left', 'left:erasure-unproven', c);
  const affected = draft.state.registrations.filter((r) => r.email === sender.address);
  for (const reg of affected.filter((r) => r.status === 'confirmed')) {
    cancelRegistration(draft, reg, eventById(ctx, reg.eventId)!, c.language, threadOf(received.message), ctx.promotion);
  }
  draft.reply('erased', sender, c.language, threadOf(received.message));
  draft.push({ type: 'erase-person', email: sender.address });
  return finish(draft, received, 'handled', 'erased', c);
}

export function decide(state: DeskState, received: Received, ctx: DeskContext): Decision {
  return decideWith(new Draft(state, { key: received.key, now: ctx.now }, ctx.messageIdDomain), received, ctx);
}

/**
 * The same, on a draft that may already hold earlier mails of the batch (their effects included): the
 * draft's state afterwards is the state after this mail.
 */
export function decideWith(draft: Draft, received: Received, ctx: DeskContext): Decision {
  draft.begin({ key: received.key, now: ctx.now });
  const state = draft.state;
  const msg = received.message;
  const previous = state.handled[received.key];
  if (previous) {
    // Redelivery, or a crash after the store write: the effect is already there, only the move is left.
    return { key: received.key, actions: [], disposition: previous.outcome === 'left' ? 'leave' : 'file', summary: 'duplicate', classification: null };
  }
  if (msg.problems.includes('unparseable') || msg.problems.includes('truncated')) return finish(draft, received, 'left', `left:${msg.problems[0]}`, null);
  const robot = isAutomatic(msg, { ourDomains: [ctx.messageIdDomain] });
  if (robot.automatic) return finish(draft, received, 'robot', `${handleBounce(draft, received, ctx)}:${robot.reason}`, null);
  if (!msg.from) return finish(draft, received, 'left', 'left:no-from', null);
  // Older than handled records are kept (a mailbox restored from backup, a new UIDVALIDITY): we may have
  // answered it long ago, and a request that old needs a person anyway. The mailbox's arrival time counts,
  // not the Date header, which is the sender's say (a phone's clock, or mailparser's "now" for a bad one).
  const arrived = msg.arrivedAt ?? msg.date;
  if (arrived && Date.parse(arrived) < ctx.now.getTime() - HANDLED_KEEP_MS) return finish(draft, received, 'left', 'left:stale', null);

  const c = classify(msg, ctx.events, { ourDomains: [ctx.messageIdDomain], organisers: ctx.organisers });
  const auth = authenticatedSender(msg, ctx.trustedAuthservId);
  const claimsOrganiser = ctx.organisers.includes(msg.from.address);
  const organiser = claimsOrganiser && auth.proven;
  // A proven organiser at work is no mail loop; anyone else gets at most the daily cap of automated replies.
  if (!organiser && repliesInWindow(state, msg.from.address, ctx.now) >= ctx.replyCapPerDay) return finish(draft, received, 'left', 'left:reply-cap', null);

  const awaiting = pendingCancelAnswered(state, msg);
  if (awaiting && confirmsCancel(c, c.ownText ?? msg.text)) {
    cancelRegistration(draft, awaiting, eventById(ctx, awaiting.eventId)!, awaiting.language, threadOf(msg), ctx.promotion);
    return finish(draft, received, 'handled', `cancel:confirmed:${awaiting.id}`, c);
  }
  // A late seat offered by mail: a "ja" (or a signup) in reply to the offer takes it.
  const offered = offerAnswered(state.registrations, msg);
  if (offered && (c.intent === 'signup' || acceptsOffer(c.ownText ?? msg.text))) {
    promote(draft, offered, eventById(ctx, offered.eventId)!, threadOf(msg));
    return finish(draft, received, 'handled', `offer:accepted:${offered.id}`, c);
  }
  if (c.erasure) return erase(draft, received, c, ctx, auth.proven);
  // A From header is easy to forge: organiser mail without proof registers nobody and waits for people.
  if (claimsOrganiser && !organiser && (c.intent === 'signup' || c.intent === 'cancel')) {
    return finish(draft, received, 'left', `left:organiser-unproven:${auth.reason}`, c);
  }
  if (organiser) {
    const command = organiserMailCommand(draft, msg, c, ctx);
    if (command) return finish(draft, received, 'handled', command.summary, c);
  }
  switch (c.intent) {
    case 'signup':
      return signUpAll(draft, received, c, ctx, organiser);
    case 'cancel':
      return cancelAll(draft, received, c, ctx, organiser, auth.proven);
    case 'automatic':
      return finish(draft, received, 'robot', `robot:${c.reason}`, c);
    case 'other':
      return finish(draft, received, 'left', `left:${c.reason}`, c);
    default: {
      const unreachable: never = c.intent;
      throw new Error(`unknown intent ${String(unreachable)}`);
    }
  }
}

